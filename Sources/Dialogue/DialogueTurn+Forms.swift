import BotDefinition
import ChatCore

/// Forms: slots asked for in order, filled from the line's entities and checked, the table row
/// looked up, the confirm question, and the intent's reply.
extension DialogueTurn {
    /// The question the active form asks next: its first missing slot, or its confirmation.
    var formQuestion: PendingQuestion? {
        guard let form = activeForm else { return nil }
        if let slot = form.slots.first(where: { state.slots[$0.name] == nil }) { return .slot(slot.name) }
        return form.confirm == nil ? nil : .confirmation
    }

    /// The text of a pending question: the slot's prompt, or the confirm question with the row.
    func ask(_ question: PendingQuestion) -> String {
        guard let form = activeForm else { return "" }
        switch question {
        case let .slot(name):
            return prompt(for: form.slot(named: name), named: name)
        case .confirmation:
            guard let confirm = form.confirm else { return "" }
            return confirm.render(slots: state.slots, record: lookupRecord(form) ?? [:]) ?? confirm.source
        case .humanOffer:
            return say(\.frustration)
        }
    }

    func prompt(for slot: SlotDefinition?, named name: String) -> String {
        slot?.prompt ?? say(\.slotPrompt, ["slot": name])
    }

    func policy(asking question: PendingQuestion) -> ReplyPolicy {
        switch question {
        case .slot: .slotPrompt
        case .confirmation: .confirmation
        case .humanOffer: .frustration
        }
    }

    // MARK: A pending slot or confirmation

    mutating func filling(_ form: IntentDefinition) -> (Reply, DialogueState) {
        if belongs(to: form), let filled = fillSlots(of: form) {
            return advance(form, reason: filled)
        }
        let name: String? = if case let .slot(name) = formQuestion { name } else { nil }
        if let name, let slot = form.slot(named: name), belongs(to: form),
           let candidate = SlotValueShape.of(entity: slot.entity, in: bot).invalidCandidate(in: utterance.text) {
            return invalid(candidate, for: slot, of: form)
        }
        if isNo {
            return declined(form, reason: "no while asking for slot \(name ?? "?")")
        }
        return open(resume: formQuestion)
    }

    mutating func confirming(_ form: IntentDefinition) -> (Reply, DialogueState) {
        let before = state.slots
        if belongs(to: form), let filled = fillSlots(of: form), state.slots != before {
            return advance(form, reason: filled + " while confirming")
        }
        state.slots = before
        if isNo { return declined(form, reason: "no to the confirmation") }
        if isYes {
            let record = lookupRecord(form) ?? [:]
            return complete(form, record: record, reason: "yes to the confirmation")
        }
        return open(resume: .confirmation)
    }

    /// Whether the line's values are meant for `form`: the line has no intent, or this one, or
    /// one without a form, or the value is most of the line.
    func belongs(to form: IntentDefinition) -> Bool {
        guard let intent, intent.name != form.name, let other = bot.intent(named: intent.name), !other.slots.isEmpty else {
            return true
        }
        let valueLength = utterance.entities.map { $0.scalarRange.count }.max() ?? 0
        let digitRuns = SlotValueShape.digits(0).invalidCandidate(in: utterance.text)?.length ?? 0
        let share = Double(max(valueLength, digitRuns)) / Double(max(1, cues.content.count))
        return share >= manager.tuning.valueShare
    }

    /// Fills the form's slots from the line's entities: each value goes to the first empty slot
    /// of its entity, or replaces the first slot of its entity when all are full. Returns what
    /// was filled, for the reason, or nil when nothing was.
    mutating func fillSlots(of form: IntentDefinition) -> String? {
        var filled: [String] = []
        for entity in utterance.entities {
            let candidates = form.slots.filter { $0.entity == entity.name }
            guard let slot = candidates.first(where: { state.slots[$0.name] == nil }) ?? candidates.first else { continue }
            guard !filled.contains(where: { $0.hasPrefix(slot.name + "=") }) else { continue }
            state.slots[slot.name] = entity.value.slotText
            filled.append("\(slot.name)=\(entity.value.slotText)")
        }
        return filled.isEmpty ? nil : "filled " + filled.joined(separator: ", ")
    }

    mutating func invalid(_ candidate: SlotValueShape.Candidate, for slot: SlotDefinition,
                          of form: IntentDefinition) -> (Reply, DialogueState) {
        var values = state.slots
        values["value"] = candidate.value
        values["name"] = settings.name
        if let length = candidate.length { values["length"] = String(length) }
        if case let .digits(expected) = SlotValueShape.of(entity: slot.entity, in: bot) { values["expected"] = String(expected) }
        let text = slot.invalid?.render(slots: values)
            ?? settings.say(\.slotInvalid, values)
            ?? say(\.slotInvalidFormat, values)
        state.pending = .slot(slot.name)
        state.fallbacks = 0
        let length = candidate.length.map { " (\($0) digits)" } ?? ""
        return finish(text, .slotInvalid, reason: "slot \(slot.name): '\(candidate.value)'\(length) is not a valid \(slot.entity)")
    }

    // MARK: Running a form

    /// Starts `form` from this line (its values fill the slots), or goes on with it when it is
    /// already the active one.
    mutating func start(_ form: IntentDefinition, reason: String) -> (Reply, DialogueState) {
        if let active = state.activeIntent, active != form.name {
            reasons.append("left form \(active)")
            state.closeForm()
        }
        state.activeIntent = form.name
        var why = reason
        if let filled = fillSlots(of: form) { why += "; " + filled }
        return advance(form, reason: why)
    }

    /// The form's next step: prompt for the first missing slot, look up the row (a missing row
    /// empties the key slot and asks again), ask to confirm, or reply.
    mutating func advance(_ form: IntentDefinition, reason: String) -> (Reply, DialogueState) {
        reasons.append(reason)
        state.activeIntent = form.name
        state.fallbacks = 0
        if let slot = form.slots.first(where: { state.slots[$0.name] == nil }) {
            state.pending = .slot(slot.name)
            return finish(prompt(for: slot, named: slot.name), .slotPrompt, reason: "slot \(slot.name) missing → prompt")
        }
        var record: [String: String] = [:]
        if let lookup = form.lookup {
            let value = state.slots[lookup.key] ?? ""
            guard let row = lookupRecord(form) else {
                var values = state.slots
                values["value"] = value
                values["name"] = settings.name
                let text = lookup.missing?.render(slots: values) ?? say(\.lookupMissing, values)
                state.slots[lookup.key] = nil
                state.pending = .slot(lookup.key)
                return finish(text, .lookupMissing, reason: "no row '\(value)' in table \(lookup.table) → ask \(lookup.key) again")
            }
            record = row
            reasons.append("row '\(value)' found in table \(lookup.table)")
        }
        if let confirm = form.confirm {
            state.pending = .confirmation
            return finish(confirm.render(slots: state.slots, record: record) ?? confirm.source, .confirmation,
                          reason: "every slot filled → confirm")
        }
        return complete(form, record: record, reason: "every slot filled")
    }

    /// The row the form's lookup finds for its key slot; `[:]` for a form without a lookup, nil
    /// when the table has no such row.
    func lookupRecord(_ form: IntentDefinition) -> [String: String]? {
        guard let lookup = form.lookup else { return [:] }
        guard let value = state.slots[lookup.key], let table = bot.tables[lookup.table] else { return nil }
        return table.record(forKey: value)
    }

    mutating func complete(_ form: IntentDefinition, record: [String: String], reason: String) -> (Reply, DialogueState) {
        let slots = state.slots
        let text = form.reply?.render(slots: slots, record: record) ?? say(\.done)
        state.closeForm()
        state.fallbacks = 0
        return finish(text, .intentReply, slots: slots, reason: reason + " → reply of \(form.name)")
    }

    mutating func declined(_ form: IntentDefinition, reason: String) -> (Reply, DialogueState) {
        let slots = state.slots
        var values = slots
        values["name"] = settings.name
        let text = form.declined?.render(slots: values, record: lookupRecord(form) ?? [:]) ?? say(\.declined)
        state.closeForm()
        state.fallbacks = 0
        return finish(text, .confirmationDeclined, slots: slots, reason: reason + " → \(form.name) not done")
    }
}

extension EntityValue {
    /// The value as a slot holds it: the text, a number without a needless `.0`, an amount.
    var slotText: String {
        switch self {
        case let .text(text): return text
        case let .number(number): return Self.decimal(number)
        case let .money(amount, _): return Self.decimal(amount)
        }
    }

    private static func decimal(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
