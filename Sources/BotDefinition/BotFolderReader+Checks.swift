import ChatCore
import Entities
import Segmentation

extension BotFolderReader {
    /// Checks what intents name once every file is read: entities, lookup tables and keys, and
    /// the placeholders of replies and confirm questions.
    mutating func checkIntentReferences() {
        let knownEntities = BuiltInEntity.allCases.map(\.rawValue) + bot.patternEntities.map(\.name) + bot.lookupEntities.map(\.name)
        for pending in pendingIntentChecks {
            let intent = bot.intents[pending.intentIndex]
            let what = "intent '\(intent.name)'"
            for (slot, location) in zip(intent.slots, pending.slotEntityLocations) where !bot.knowsEntity(slot.entity) {
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
            checkTemplate(intent.reply, at: pending.replyLocation, "the reply", of: intent, table: table)
            checkTemplate(intent.confirm, at: pending.confirmLocation, "the confirm question", of: intent, table: table)
            checkTemplate(intent.declined, at: pending.declinedLocation, "the declined message", of: intent, table: table)
            for slot in intent.slots {
                checkMessage(slot.invalid, at: pending.invalidLocations[slot.name], "the invalid message of slot '\(slot.name)' of \(what)",
                             allowed: intent.slots.map(\.name) + SlotDefinition.invalidPlaceholders + ["name"])
            }
            checkMessage(intent.lookup?.missing, at: pending.missingLocation, "the missing message of the lookup of \(what)",
                         allowed: intent.slots.map(\.name) + ["value", "name"])
        }
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
