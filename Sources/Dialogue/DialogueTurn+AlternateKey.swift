import BotDefinition
import ChatCore

/// A form's row found without its key (bot.yml `tables:`): 「订单号找不到了」 asks for the phone
/// the order was placed with; the phone finds the order.
extension DialogueTurn {
    /// The other way to find the form's row, when its table has one and the form does not take
    /// that entity itself (a recipient's new phone is no way to find the order).
    func alternateKey(of form: IntentDefinition) -> AlternateKey? {
        guard let lookup = form.lookup, let alternate = settings.alternateKeys[lookup.table],
              !form.slots.contains(where: { $0.entity == alternate.entity }) else { return nil }
        return alternate
    }

    /// Asked for the key, the customer gives the other value (the form goes on and finds the
    /// row by it) or says they lack the key (the other question is asked). Nil otherwise.
    mutating func withoutKey(_ form: IntentDefinition, asked name: String?) -> (Reply, DialogueState)? {
        guard let lookup = form.lookup, name == lookup.key, let alternate = alternateKey(of: form) else { return nil }
        if utterance.entities.contains(where: { $0.name == alternate.entity }) {
            return advance(form, reason: "\(alternate.entity) given instead of \(lookup.key)")
        }
        let keyEntity = form.slot(named: lookup.key)?.entity
        guard cues.lacksValue, !utterance.entities.contains(where: { $0.name == keyEntity }) else { return nil }
        state.pending = .slot(alternate.column)
        state.fallbacks = 0
        return finish(alternate.prompt.render(slots: ["name": settings.name]) ?? alternate.prompt.source, .slotPrompt,
                      .intent(form.name), reason: "no \(lookup.key) at hand → ask \(alternate.column)")
    }

    /// The line's value of the other entity, looked up while the key is missing: one row fills the
    /// key (and is remembered for later forms); several or none are said, and the key is asked
    /// for again. Nil when the line has no such value or the key is known.
    mutating func findRow(of form: IntentDefinition) -> (Reply, DialogueState)? {
        guard let lookup = form.lookup, state.slots[lookup.key] == nil, let alternate = alternateKey(of: form),
              let given = utterance.entities.first(where: { $0.name == alternate.entity })?.value.slotText,
              let table = bot.tables[lookup.table], let keyColumn = table.keyColumn else { return nil }
        let rows = table.records(where: alternate.column, is: given)
        var values = ["value": given, "name": settings.name, "count": String(rows.count)]
        let source = ReplySource.table(name: lookup.table, row: nil, intent: form.name)
        switch rows.count {
        case 1:
            let key = rows[0][keyColumn] ?? ""
            state.slots[lookup.key] = key
            if let entity = form.slot(named: lookup.key)?.entity { state.remembered[entity] = key }
            reasons.append("\(lookup.key)=\(key): the one row of table \(lookup.table) with \(alternate.column) \(given)")
            return nil
        case 0:
            state.pending = .slot(alternate.column)
            let text = alternate.none?.render(slots: values) ?? say(\.lookupMissing, values)
            return finish(text, .lookupMissing, source, reason: "no row of table \(lookup.table) with \(alternate.column) \(given)")
        default:
            values["rows"] = rows.map { row in
                let key = row[keyColumn] ?? ""
                return alternate.label.flatMap { row[$0] }.map { "\(key)（\($0)）" } ?? key
            }.joined(separator: "、")
            state.pending = .slot(lookup.key)
            let text = alternate.several?.render(slots: values) ?? "\(values["count"]!) 条记录：\(values["rows"]!)。请告诉我是哪一个。"
            return finish(text, .slotPrompt, source, reason: "\(rows.count) rows of table \(lookup.table) with \(alternate.column) \(given) → ask which")
        }
    }
}
