import BotDefinition
import ChatCore

/// Forms: slots asked for in order, filled from the line's entities (or the customer's words for
/// free text) and checked, values given earlier offered or carried, the table row looked up as
/// soon as its key is known (its case may answer at once), the confirm question, and the reply.
extension DialogueTurn {
    /// How a form takes a value the customer gave earlier in the conversation.
    enum Carry {
        /// Offer it (「是订单 20261120093015 吗？」), unless the line follows up on the topic that used it.
        case ask
        /// Take it without asking: the customer said yes to the bot's own offer of this form.
        case always
    }

    /// The question the active form asks next: its first missing slot, or its confirmation.
    var formQuestion: PendingQuestion? {
        guard let form = activeForm else { return nil }
        if let slot = form.slots.first(where: { state.slots[$0.name] == nil }) { return .slot(slot.name) }
        let record = lookupRecord(form) ?? [:]
        return (form.replyCase(for: record)?.confirm ?? form.confirm) == nil ? nil : .confirmation
    }

    /// The text of a pending question: the slot's prompt, the offer of a value given earlier, or
    /// the confirm question with the row.
    func ask(_ question: PendingQuestion) -> String {
        guard let form = activeForm else { return question == .humanOffer ? say(\.frustration) : "" }
        switch question {
        case let .slot(name):
            if form.slot(named: name) == nil, let alternate = alternateKey(of: form), alternate.column == name {
                return alternate.prompt.render(slots: ["name": settings.name]) ?? alternate.prompt.source
            }
            return prompt(for: form.slot(named: name), named: name)
        case let .reuse(name):
            guard let slot = form.slot(named: name), let value = state.remembered[slot.entity] else {
                return prompt(for: form.slot(named: name), named: name)
            }
            return reuseQuestion(slot, value)
        case .confirmation:
            let record = lookupRecord(form) ?? [:]
            guard let confirm = form.replyCase(for: record)?.confirm ?? form.confirm else { return "" }
            return confirm.render(slots: state.slots, record: record) ?? confirm.source
        case .humanOffer:
            return say(\.frustration)
        case .offer:
            return ""
        }
    }

    func prompt(for slot: SlotDefinition?, named name: String) -> String {
        slot?.prompt ?? say(\.slotPrompt, ["slot": name])
    }

    /// 「是订单 20261120093015 吗？」: the slot's `reuse:` question, or the bot's `reuse` message,
    /// with the value as customers know it (a product's name, not its key).
    func reuseQuestion(_ slot: SlotDefinition, _ value: String) -> String {
        var values = state.slots
        values["value"] = displayName(of: value, entity: slot.entity)
        values["name"] = settings.name
        return slot.reuse?.render(slots: values) ?? say(\.reuse, values)
    }

    /// A value as the customer would name it: a table entity's key as the row's name (`P1001` →
    /// 小蜜Air2无线耳机), anything else as it is.
    func displayName(of value: String, entity: String) -> String {
        guard let declaration = bot.tableEntities.first(where: { $0.name == entity }),
              let record = bot.tables[declaration.table]?.record(forKey: value),
              let name = record[declaration.column] else { return value }
        return name
    }

    func policy(asking question: PendingQuestion) -> ReplyPolicy {
        switch question {
        case .slot, .reuse: .slotPrompt
        case .confirmation: .confirmation
        case .humanOffer: .frustration
        case .offer: .intentReply
        }
    }

    // MARK: A pending slot, offer of a value, or confirmation

    mutating func filling(_ form: IntentDefinition) -> (Reply, DialogueState) {
        let name: String? = if case let .slot(name) = formQuestion { name } else { nil }
        if let name, let slot = form.slot(named: name), slot.isFreeText {
            return fillingText(slot, of: form)
        }
        if belongs(to: form), let filled = fillSlots(of: form) {
            return advance(form, reason: filled)
        }
        if let reply = withoutKey(form, asked: name) { return reply }
        if let name, let slot = form.slot(named: name), slot.unknown != nil, let asked = followUpName {
            // 「冰箱呢」 after 「没有卖洗衣机」: another name the shop may not sell either.
            state.pending = .slot(name)
            return unknownValue(asked, for: slot, of: form)
        }
        if let name, let slot = form.slot(named: name), belongs(to: form),
           let candidate = SlotValueShape.of(entity: slot.entity, in: bot).invalidCandidate(in: utterance.text) {
            return invalid(candidate, for: slot, of: form)
        }
        if isNo {
            return declined(form, reason: "no while asking for slot \(name ?? "?")")
        }
        return open(resume: formQuestion)
    }

    /// A free-text slot was asked: the line is the value, unless it is a no, a question the bot
    /// can answer or a request for another form (then it is a digression and the slot is asked again).
    mutating func fillingText(_ slot: SlotDefinition, of form: IntentDefinition) -> (Reply, DialogueState) {
        if cues.answer == .no {
            return declined(form, reason: "no while asking for slot \(slot.name)")
        }
        if cues.isQuestion, exactAnswer != nil || bestAnswer?.isAccepted == true || isOtherRequest(than: form) {
            return open(resume: .slot(slot.name))
        }
        if cues.isRequest, isOtherRequest(than: form, surelyAt: Self.otherRequestAfterRequestCue) {
            return open(resume: .slot(slot.name))
        }
        let rule = slot.text ?? FreeTextRule()
        let value = rule.value(from: utterance.text)
        if let problem = rule.problem(with: value) {
            if cues.answer == .yes {
                // 「是的 改吧」 to 「请告诉我新的收货地址」: a yes is no value; the question again.
                state.pending = .slot(slot.name)
                state.fallbacks = 0
                return finish(prompt(for: slot, named: slot.name), .slotPrompt, .intent(form.name),
                              reason: "a yes while asking for slot \(slot.name): asked again")
            }
            var values = state.slots
            values["value"] = value
            values["name"] = settings.name
            let length: Int
            switch problem {
            case let .tooShort(count), let .tooLong(count): length = count
            case .wrongShape: length = FreeTextRule.contentLength(value)
            }
            values["length"] = String(length)
            values["expected"] = String(rule.minimumLength)
            let text = slot.invalid?.render(slots: values) ?? say(\.slotInvalidFormat, values)
            state.pending = .slot(slot.name)
            state.fallbacks = 0
            return finish(text, .slotInvalid, .intent(form.name), reason: "slot \(slot.name): '\(value)' does not fit (\(problem))")
        }
        state.slots[slot.name] = value
        return advance(form, reason: "filled \(slot.name) with the customer's words")
    }

    /// Whether the line asks for another form, surely (not a value for this one).
    func isOtherRequest(than form: IntentDefinition, surelyAt confidence: Double = otherRequestConfidence) -> Bool {
        guard let intent, special == nil, intent.name != form.name,
              let other = bot.intent(named: intent.name) else { return false }
        return intent.confidence >= confidence && (!other.slots.isEmpty || other.reply != nil)
    }

    /// How sure the classifier must be that a line inside a free-text answer is another request.
    static let otherRequestConfidence = 0.9
    /// The same, for a line that opens as a request (「我要开发漂」).
    static let otherRequestAfterRequestCue = 0.75

    /// A value given earlier was offered for slot `name`: yes takes it, no forgets it and asks
    /// the slot's question, a new value fills the slot, anything else is a digression.
    mutating func reusing(_ name: String, in form: IntentDefinition) -> (Reply, DialogueState) {
        guard let slot = form.slot(named: name), let value = state.remembered[slot.entity] else {
            state.pending = .slot(name)
            return filling(form)
        }
        if belongs(to: form), let filled = fillSlots(of: form) {
            return advance(form, reason: filled + " instead of the offered \(value)")
        }
        if isYes {
            state.slots[slot.name] = value
            return advance(form, reason: "yes: \(slot.name)=\(value) as given earlier")
        }
        if isNo {
            state.remembered[slot.entity] = nil
            return advance(form, reason: "no to \(slot.name)=\(value) given earlier")
        }
        return open(resume: .reuse(name))
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

    /// Free-text slots whose value the request carries after one of the slot's `after` words
    /// (「这单收货地址要换成 北京朝阳区望京西路12号院3号楼」), when it fits the slot's rule.
    mutating func fillTextGivenWithRequest(of form: IntentDefinition) -> String? {
        var filled: [String] = []
        for slot in form.slots where slot.isFreeText && state.slots[slot.name] == nil {
            guard let rule = slot.text, !rule.leadWords.isEmpty,
                  let value = rule.valueAfterLeadWord(in: utterance.text) else { continue }
            state.slots[slot.name] = value
            filled.append("\(slot.name) given with the request")
        }
        return filled.isEmpty ? nil : filled.joined(separator: ", ")
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
        return finish(text, .slotInvalid, .intent(form.name), reason: "slot \(slot.name): '\(candidate.value)'\(length) is not a valid \(slot.entity)")
    }

    // MARK: Running a form

    /// Starts `form` from this line (its values fill the slots), or goes on with it when it is
    /// already the active one.
    mutating func start(_ form: IntentDefinition, reason: String, carry: Carry = .ask) -> (Reply, DialogueState) {
        if let active = state.activeIntent, active != form.name {
            reasons.append("left form \(active)")
            state.closeForm()
        }
        state.activeIntent = form.name
        var why = reason
        if let filled = fillSlots(of: form) { why += "; " + filled }
        if let filled = fillTextGivenWithRequest(of: form) { why += "; " + filled }
        return advance(form, reason: why, carry: carry)
    }

    /// The form's next step: look the row up as soon as its key is known (a missing row empties
    /// the key slot and asks again; a case without a confirm question answers at once), take or
    /// offer a value given earlier, prompt for the first missing slot, ask to confirm, or reply.
    mutating func advance(_ form: IntentDefinition, reason: String, carry: Carry = .ask) -> (Reply, DialogueState) {
        reasons.append(reason)
        state.activeIntent = form.name
        state.fallbacks = 0
        var record: [String: String] = [:]
        while true {
            if record.isEmpty, let found = findRow(of: form) { return found }
            if let lookup = form.lookup, let value = state.slots[lookup.key], record.isEmpty {
                guard let row = lookupRecord(form) else { return lookupMissing(form, lookup: lookup, value: value) }
                record = row
                reasons.append("row '\(value)' found in table \(lookup.table)")
                if let chosen = form.replyCase(for: row), chosen.confirm == nil {
                    return complete(form, record: row, reason: "case '\(chosen.values.joined(separator: "|"))' of \(lookup.by ?? "")")
                }
            }
            guard let slot = form.slots.first(where: { state.slots[$0.name] == nil }) else { break }
            // 「iPhone 16 多少钱」 after the earphones: a product the shop does not sell, not the earphones again.
            if slot.unknown != nil, asksAbout(slot, of: form), let unfamiliar = unfamiliarWords {
                state.pending = .slot(slot.name)
                return unknownValue(unfamiliar, for: slot, of: form)
            }
            if !slot.isFreeText, let value = state.remembered[slot.entity] {
                if carry == .always || followsUpOnTopic(using: slot.entity, in: form) {
                    state.slots[slot.name] = value
                    reasons.append("carried \(slot.name)=\(value) from the conversation")
                    continue
                }
                state.pending = .reuse(slot.name)
                return finish(reuseQuestion(slot, value), .slotPrompt, .intent(form.name),
                              reason: "slot \(slot.name) missing → offer \(value) given earlier")
            }
            state.pending = .slot(slot.name)
            return finish(prompt(for: slot, named: slot.name), .slotPrompt, .intent(form.name), reason: "slot \(slot.name) missing → prompt")
        }
        if let confirm = form.replyCase(for: record)?.confirm ?? form.confirm {
            state.pending = .confirmation
            return finish(confirm.render(slots: state.slots, record: record) ?? confirm.source, .confirmation,
                          source(of: form, record: record), reason: "every slot filled → confirm")
        }
        return complete(form, record: record, reason: "every slot filled")
    }

    /// Whether the line follows up on the topic — 「那能不能催一下」, 「这个多少钱」, or a question that
    /// only asks something (a form that does nothing it would confirm: 「有什么颜色」 after a
    /// product's price, 「什么时候到」 after an order's status) — and that topic's intent takes
    /// `entity`: its value is then the one meant.
    func followsUpOnTopic(using entity: String, in form: IntentDefinition? = nil) -> Bool {
        guard let topic = previous.lastIntent.flatMap({ bot.intent(named: $0) }) else { return false }
        let onlyAsks = form.map { $0.confirm == nil && $0.cases.allSatisfy { $0.confirm == nil } } ?? false
        let question = cues.isQuestion && (intent?.name == topic.name || onlyAsks)
        guard cues.isFollowUp || cues.refersBack || question else { return false }
        return topic.slots.contains { $0.entity == entity }
    }

    /// Whether this line is the one `slot` is about: it started the form, or it answers the slot's question.
    func asksAbout(_ slot: SlotDefinition, of form: IntentDefinition) -> Bool {
        previous.activeIntent != form.name || previous.pending == .slot(slot.name)
    }

    /// The table row for the form's key, the form still open: the key slot asked again.
    mutating func lookupMissing(_ form: IntentDefinition, lookup: TableLookup, value: String) -> (Reply, DialogueState) {
        var values = state.slots
        values["value"] = value
        values["name"] = settings.name
        let text = lookup.missing?.render(slots: values) ?? say(\.lookupMissing, values)
        state.slots[lookup.key] = nil
        state.pending = .slot(lookup.key)
        return finish(text, .lookupMissing, .table(name: lookup.table, row: nil, intent: form.name),
                      reason: "no row '\(value)' in table \(lookup.table) → ask \(lookup.key) again")
    }

    /// The line names something the slot's entity does not know (「iPhone 16」 for a product):
    /// the slot's `unknown:` message, and its question stays open.
    mutating func unknownValue(_ words: String, for slot: SlotDefinition, of form: IntentDefinition) -> (Reply, DialogueState) {
        var values = state.slots
        values["value"] = words
        values["name"] = settings.name
        let text = slot.unknown?.render(slots: values) ?? prompt(for: slot, named: slot.name)
        let table = bot.tableEntities.first { $0.name == slot.entity }?.table
        let source: ReplySource = table.map { .table(name: $0, row: nil, intent: form.name) } ?? .intent(form.name)
        return finish(text, .lookupMissing, source, reason: "slot \(slot.name): 「\(words)」 is not a known \(slot.entity)")
    }

    /// The row the form's lookup finds for its key slot; `[:]` for a form without a lookup, nil
    /// when the table has no such row.
    func lookupRecord(_ form: IntentDefinition) -> [String: String]? {
        guard let lookup = form.lookup else { return [:] }
        guard let value = state.slots[lookup.key], let table = bot.tables[lookup.table] else { return nil }
        return table.record(forKey: value)
    }

    /// Where a form's words come from: its table row when it read one, else the intent.
    func source(of form: IntentDefinition, record: [String: String]) -> ReplySource {
        guard let lookup = form.lookup, !record.isEmpty else { return .intent(form.name) }
        return .table(name: lookup.table, row: state.slots[lookup.key], intent: form.name)
    }

    /// The form's reply (or its row's case's), the form closed; a case's `offer` leaves its question pending.
    mutating func complete(_ form: IntentDefinition, record: [String: String], reason: String) -> (Reply, DialogueState) {
        let slots = state.slots
        let source = source(of: form, record: record)
        let chosen = form.replyCase(for: record)
        let template = chosen?.reply ?? form.reply
        let text = template.map { $0.render(slots: slots, record: record) ?? $0.source } ?? say(\.done)
        state.closeForm()
        state.fallbacks = 0
        var why = reason + " → reply of \(form.name)"
        if let offer = chosen?.offer {
            state.pending = .offer(offer)
            why += "; offers \(offer)"
        }
        return finish(text, .intentReply, source, slots: slots, reason: why)
    }

    mutating func declined(_ form: IntentDefinition, reason: String) -> (Reply, DialogueState) {
        let slots = state.slots
        var values = slots
        values["name"] = settings.name
        let text = form.declined?.render(slots: values, record: lookupRecord(form) ?? [:]) ?? say(\.declined)
        state.closeForm()
        state.fallbacks = 0
        return finish(text, .confirmationDeclined, .intent(form.name), slots: slots, reason: reason + " → \(form.name) not done")
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
