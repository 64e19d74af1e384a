import ChatCore
import Entities
import Segmentation

extension BotFolderReader {
    /// Checks what intents name once every file is read: entities, lookup tables and keys, and
    /// the placeholders of replies and confirm questions.
    mutating func checkIntentReferences() {
        checkAlternateKeys()
        let knownEntities = BuiltInEntity.allCases.map(\.rawValue) + [SlotDefinition.freeText] + bot.patternEntities.map(\.name)
            + bot.lookupEntities.map(\.name) + bot.tableEntities.map(\.name)
        for pending in pendingIntentChecks {
            let intent = bot.intents[pending.intentIndex]
            let what = "intent '\(intent.name)'"
            for (slot, location) in zip(intent.slots, pending.slotEntityLocations)
            where !bot.knowsEntity(slot.entity) && !brokenEntities.contains(slot.entity) {
                let hint = KeySuggestion.closest(to: slot.entity, among: knownEntities).map { "did you mean '\($0)'? " } ?? ""
                log.error(location, "slot '\(slot.name)' of \(what) names unknown entity '\(slot.entity)'; \(hint)use a built-in (\(BuiltInEntity.allCases.map(\.rawValue).joined(separator: ", "))) or declare it under `entities:`")
            }
            var table: DataTable?
            if let lookup = intent.lookup, let tableLocation = pending.lookupTableLocation {
                table = bot.tables[lookup.table]
                if table == nil, !brokenTables.contains(lookup.table) {
                    let known = bot.tables.keys.sorted()
                    let hint = KeySuggestion.closest(to: lookup.table, among: known).map { "did you mean '\($0)'? " } ?? ""
                    log.error(tableLocation, "\(what) looks up table '\(lookup.table)', which does not exist; \(hint)add knowledge-base/tables/\(lookup.table).csv" + (known.isEmpty ? "" : " (tables: \(known.joined(separator: ", ")))"))
                }
                if intent.slot(named: lookup.key) == nil, let keyLocation = pending.lookupKeyLocation {
                    log.error(keyLocation, "the lookup key '\(lookup.key)' of \(what) is not one of its slots; \(Self.slotList(intent))")
                }
            }
            checkCases(of: intent, pending: pending, table: table)
            if !pending.saysSomething, SpecialIntent(rawValue: intent.name) == nil,
               KeySuggestion.closest(to: intent.name, among: SpecialIntent.allCases.map(\.rawValue)) == nil {
                log.warning(intent.location, "\(what) has neither `reply:` nor `slots:`, so a line read as it gets no answer of its own; add a reply")
            }
            checkTemplate(intent.reply, at: pending.replyLocation, "the reply", of: intent, table: table)
            checkTemplate(intent.confirm, at: pending.confirmLocation, "the confirm question", of: intent, table: table)
            checkTemplate(intent.declined, at: pending.declinedLocation, "the declined message", of: intent, table: table)
            for slot in intent.slots {
                checkMessage(slot.invalid, at: pending.invalidLocations[slot.name], "the invalid message of slot '\(slot.name)' of \(what)",
                             allowed: intent.slots.map(\.name) + SlotDefinition.invalidPlaceholders + ["name"])
                checkMessage(slot.reuse, at: pending.reuseLocations[slot.name], "the reuse question of slot '\(slot.name)' of \(what)",
                             allowed: intent.slots.map(\.name) + ["value", "name"])
                checkMessage(slot.unknown, at: pending.unknownLocations[slot.name], "the unknown message of slot '\(slot.name)' of \(what)",
                             allowed: intent.slots.map(\.name) + ["value", "name"])
            }
            checkMessage(intent.lookup?.missing, at: pending.missingLocation, "the missing message of the lookup of \(what)",
                         allowed: intent.slots.map(\.name) + ["value", "name"])
        }
    }

    /// Each `tables:` entry of bot.yml names a table, its columns and a known entity, and its
    /// messages only their placeholders.
    private mutating func checkAlternateKeys() {
        for key in bot.settings.alternateKeys.values.sorted(by: { $0.table < $1.table }) {
            let what = "`tables.\(key.table)` in bot.yml"
            guard let table = bot.tables[key.table] else {
                if !brokenTables.contains(key.table) {
                    let known = bot.tables.keys.sorted()
                    let hint = KeySuggestion.closest(to: key.table, among: known).map { "did you mean '\($0)'? " } ?? ""
                    log.error(key.location, "\(what) names table '\(key.table)', which does not exist; \(hint)tables: \(known.joined(separator: ", "))")
                }
                continue
            }
            for column in [key.column] + (key.label.map { [$0] } ?? []) where !table.columns.contains(column) {
                let hint = KeySuggestion.closest(to: column, among: table.columns).map { "did you mean '\($0)'? " } ?? ""
                log.error(key.location, "\(what) names column '\(column)', which table '\(key.table)' does not have; \(hint)columns: \(table.columns.joined(separator: ", "))")
            }
            if !bot.knowsEntity(key.entity) {
                log.error(key.location, "\(what) finds rows by entity '\(key.entity)', which is not declared; use a built-in (\(BuiltInEntity.allCases.map(\.rawValue).joined(separator: ", "))) or declare it under `entities:`")
            }
            checkMessage(key.prompt, at: key.location, "the prompt of \(what)", allowed: ["name"])
            checkMessage(key.several, at: key.location, "the several message of \(what)", allowed: AlternateKey.severalPlaceholders)
            checkMessage(key.none, at: key.location, "the none message of \(what)", allowed: ["value", "name"])
        }
    }

    /// `lookup.by` names a column of the table; `cases` need it; each case's values occur in that
    /// column, its templates name what exists, and its offer is an intent.
    private mutating func checkCases(of intent: IntentDefinition, pending: PendingIntentCheck, table: DataTable?) {
        let what = "intent '\(intent.name)'"
        if let by = intent.lookup?.by, let location = pending.lookupByLocation, let table, !table.columns.contains(by) {
            let hint = KeySuggestion.closest(to: by, among: table.columns).map { "did you mean '\($0)'? " } ?? ""
            log.error(location, "the lookup of \(what) picks cases by column '\(by)', which table '\(table.name)' does not have; \(hint)columns: \(table.columns.joined(separator: ", "))")
        }
        guard !intent.cases.isEmpty else {
            if intent.lookup?.by != nil, let location = pending.lookupByLocation {
                log.warning(location, "the lookup of \(what) has `by:` but the intent has no `cases:`; add cases or remove `by:`")
            }
            return
        }
        guard let lookup = intent.lookup, let by = lookup.by else {
            log.error(pending.casesLocation ?? intent.location, "\(what) has `cases:` but its lookup has no `by:` column to pick them; write `lookup: { table: …, key: …, by: status }`")
            return
        }
        let columnValues = Set((table?.values(of: by) ?? []).map(DataTable.matchingKey))
        var seen: [String: SourceLocation] = [:]
        for (replyCase, places) in zip(intent.cases, pending.casePlaces) {
            let caseWhat = "case '\(replyCase.values.joined(separator: "|"))' of \(what)"
            for value in replyCase.values {
                let key = DataTable.matchingKey(value)
                if let first = seen[key] {
                    log.warning(places.values, "\(caseWhat): '\(value)' already has a case at \(first); the first one is used")
                }
                seen[key] = seen[key] ?? places.values
                if let table, table.columns.contains(by), !columnValues.contains(key) {
                    let known = Array(Set(table.values(of: by))).sorted()
                    let hint = KeySuggestion.closest(to: value, among: known).map { "did you mean '\($0)'? " } ?? ""
                    log.warning(places.values, "\(caseWhat): no row of table '\(table.name)' has \(by) '\(value)'; \(hint)values: \(known.prefix(12).joined(separator: ", "))")
                }
            }
            checkTemplate(replyCase.reply, at: places.reply, "the reply of \(caseWhat.replacingOccurrences(of: " of \(what)", with: ""))", of: intent, table: table)
            checkTemplate(replyCase.confirm, at: places.confirm, "the confirm question of \(caseWhat.replacingOccurrences(of: " of \(what)", with: ""))", of: intent, table: table)
            if let offer = replyCase.offer, let location = places.offer, bot.intent(named: offer) == nil {
                let hint = KeySuggestion.closest(to: offer, among: bot.intents.map(\.name)).map { "did you mean '\($0)'? " } ?? ""
                log.error(location, "\(caseWhat) offers intent '\(offer)', which does not exist; \(hint)name an intent of the bot")
            }
        }
    }

    /// A table entity names an existing table and columns.
    mutating func checkTableEntities() {
        for pending in pendingTableEntities {
            let entity = pending.entity
            let what = "entity '\(entity.name)'"
            guard let table = bot.tables[entity.table] else {
                if !brokenTables.contains(entity.table) {
                    let known = bot.tables.keys.sorted()
                    let hint = KeySuggestion.closest(to: entity.table, among: known).map { "did you mean '\($0)'? " } ?? ""
                    log.error(pending.tableLocation, "\(what) reads table '\(entity.table)', which does not exist; \(hint)add knowledge-base/tables/\(entity.table).csv")
                }
                brokenEntities.insert(entity.name)
                continue
            }
            for (column, location) in [(entity.column, pending.columnLocation)] + [entity.aliasColumn.map { ($0, pending.aliasesLocation ?? entity.location) }].compactMap({ $0 })
            where !table.columns.contains(column) {
                let hint = KeySuggestion.closest(to: column, among: table.columns).map { "did you mean '\($0)'? " } ?? ""
                log.error(location, "\(what) names column '\(column)' of table '\(table.name)', which has no such column; \(hint)columns: \(table.columns.joined(separator: ", "))")
                brokenEntities.insert(entity.name)
            }
        }
    }

    /// Warnings about what a bot says: an intent that cannot answer (no reply, no slots), a slot
    /// without a prompt, a name one letter away from a special intent, and text left to do
    /// (TODO, TBD, FIXME, 待补充, 待定) in replies, prompts, answers and messages.
    mutating func checkTexts() {
        let specials = SpecialIntent.allCases.map(\.rawValue)
        for intent in bot.intents {
            let what = "intent '\(intent.name)'"
            let special = SpecialIntent(rawValue: intent.name)
            if special == nil, let near = KeySuggestion.closest(to: intent.name, among: specials), near != intent.name,
               KeySuggestion.editDistance(Array(near.unicodeScalars), Array(intent.name.unicodeScalars)) <= 2 {
                log.warning(intent.location, "\(what) is not a special intent; did you mean '\(near)'? (special names: \(specials.joined(separator: ", ")))")
            }
            for slot in intent.slots where slot.prompt == nil {
                log.warning(slot.location, "slot '\(slot.name)' of \(what) has no `prompt:`; customers would be asked 「\(bot.settings.messages.slotPrompt.source.replacingOccurrences(of: "{slot}", with: slot.name))」")
            }
            var texts: [(String, String, SourceLocation)] = []
            if let reply = intent.reply { texts.append(("the reply", reply.source, intent.location)) }
            if let confirm = intent.confirm { texts.append(("the confirm question", confirm.source, intent.location)) }
            if let declined = intent.declined { texts.append(("the declined message", declined.source, intent.location)) }
            for slot in intent.slots {
                if let prompt = slot.prompt { texts.append(("the prompt of slot '\(slot.name)'", prompt, slot.location)) }
            }
            for replyCase in intent.cases {
                texts.append(("the reply of case '\(replyCase.values.joined(separator: "|"))'", replyCase.reply.source, replyCase.location))
            }
            for (part, text, location) in texts { warnIfUnfinished(text, "\(part) of \(what)", at: location) }
        }
        for entry in bot.knowledgeBase {
            warnIfUnfinished(entry.answer, "the answer of knowledge-base entry '\(entry.id)'", at: entry.location)
        }
        for key in BotMessages.keys {
            warnIfUnfinished(bot.settings.messages[keyPath: key.path].source, "message '\(key.name)'", at: SourceLocation(file: Self.settingsFile))
        }
    }

    /// Markers of text still to be written.
    static let unfinishedMarkers = ["todo", "tbd", "fixme", "待补充", "待定", "待完善"]

    private mutating func warnIfUnfinished(_ text: String, _ what: String, at location: SourceLocation) {
        let folded = text.lowercased()
        guard let marker = Self.unfinishedMarkers.first(where: { folded.contains($0) }) else { return }
        log.warning(location, "\(what) still says '\(marker)': customers would see it; write the text")
    }

    private mutating func checkTemplate(_ template: ReplyTemplate?, at location: SourceLocation?, _ what: String,
                                        of intent: IntentDefinition, table: DataTable?) {
        guard let template, let location else { return }
        let whose = "\(what) of intent '\(intent.name)'"
        for part in template.parts {
            switch part {
            case .text:
                break
            case let .slot(name) where intent.slot(named: name) == nil:
                let hint = KeySuggestion.closest(to: name, among: intent.slots.map(\.name)).map { "did you mean '{\($0)}'? " } ?? ""
                log.error(location, "\(whose) names unknown slot '{\(name)}'; \(hint)\(Self.slotList(intent))")
            case .slot:
                break
            case let .field(alias, column):
                guard let lookup = intent.lookup else {
                    log.error(location, "\(whose) names '{\(alias).\(column)}' but the intent has no lookup; add `lookup: { table: \(alias)s, key: <slot> }`")
                    continue
                }
                guard lookup.aliases.contains(alias) else {
                    log.error(location, "\(whose) names '{\(alias).\(column)}', but the lookup's table is '\(lookup.table)'; write '{\(lookup.aliases[0]).\(column)}'")
                    continue
                }
                if let table, !table.columns.contains(column) {
                    let hint = KeySuggestion.closest(to: column, among: table.columns).map { "did you mean '\($0)'? " } ?? ""
                    log.error(location, "\(whose) names column '\(column)' of table '\(table.name)', which has no such column; \(hint)columns: \(table.columns.joined(separator: ", "))")
                }
            }
        }
    }

    /// Checks a message that may name only the placeholders in `allowed` (no table columns).
    mutating func checkMessage(_ template: ReplyTemplate?, at location: SourceLocation?, _ what: String, allowed: [String]) {
        guard let template, let location else { return }
        for part in template.parts {
            switch part {
            case .text:
                break
            case let .slot(name) where !allowed.contains(name):
                let hint = KeySuggestion.closest(to: name, among: allowed).map { "did you mean '{\($0)}'? " } ?? ""
                log.error(location, "\(what) names unknown placeholder '{\(name)}'; \(hint)it may name \(allowed.map { "{\($0)}" }.joined(separator: ", "))")
            case .slot:
                break
            case let .field(alias, column):
                log.error(location, "\(what) names '{\(alias).\(column)}', but table columns are not known here; it may name \(allowed.map { "{\($0)}" }.joined(separator: ", "))")
            }
        }
    }

    private static func slotList(_ intent: IntentDefinition) -> String {
        intent.slots.isEmpty ? "the intent has no slots; declare them under `slots:`"
            : "its slots are \(intent.slots.map(\.name).joined(separator: ", "))"
    }

    /// Warns about examples that say nothing once tokenised, and about the same example (or
    /// knowledge-base question) in two places.
    mutating func checkExamples() {
        let segmenter: Segmenter?
        do {
            segmenter = try Segmenter.shipped(userWords: bot.dictionary)
        } catch {
            segmenter = nil
            log.warning(SourceLocation(file: "intents/"), "examples were not tokenised, so empty and repeated examples are only compared as text: \(error)")
        }
        var workspace = SegmentationWorkspace()
        /// The words of a line as matching sees them; nil when there are none.
        func words(_ text: String) -> String? {
            guard let segmenter else {
                let trimmed = text.trimmingWhitespace().lowercased()
                return trimmed.isEmpty ? nil : trimmed
            }
            let tokens = segmenter.tokenize(text, in: &workspace).filter { ![.punct, .symbol, .emoji].contains($0.kind) }
            return tokens.isEmpty ? nil : tokens.map(\.normalized).joined(separator: " ")
        }
        var firstPlace: [String: (intent: String, location: SourceLocation)] = [:]
        for intent in bot.intents {
            for example in intent.examples {
                guard let key = words(example.text) else {
                    log.warning(example.location, "example '\(example.text)' of intent '\(intent.name)' has no words once punctuation, symbols and emoji are left out; it teaches the classifier nothing")
                    continue
                }
                if let first = firstPlace[key] {
                    if first.intent == intent.name {
                        log.warning(example.location, "example '\(example.text)' is repeated in intent '\(intent.name)' (first at \(first.location)); remove one")
                    } else {
                        log.warning(example.location, "example '\(example.text)' of intent '\(intent.name)' is also an example of intent '\(first.intent)' at \(first.location); keep it under one intent")
                    }
                } else {
                    firstPlace[key] = (intent.name, example.location)
                }
            }
        }
        var firstQuestion: [String: (id: String, location: SourceLocation)] = [:]
        for question in questionLocations {
            guard let key = words(question.text) else { continue }
            if let first = firstQuestion[key], first.id != question.id {
                log.warning(question.location, "question '\(question.text)' of knowledge-base entry '\(question.id)' is also a question of '\(first.id)' at \(first.location); keep it under one entry")
            } else if firstQuestion[key] == nil {
                firstQuestion[key] = (question.id, question.location)
            }
        }
    }
}
