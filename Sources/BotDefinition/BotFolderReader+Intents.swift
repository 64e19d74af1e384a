import Entities
import Foundation
import Yams

/// What is left to check of an intent once every file is read: the places of its references.
struct PendingIntentCheck {
    var intentIndex: Int
    var slotEntityLocations: [SourceLocation]
    var lookupTableLocation: SourceLocation?
    var lookupKeyLocation: SourceLocation?
    var replyLocation: SourceLocation?
    var confirmLocation: SourceLocation?
    var declinedLocation: SourceLocation?
    /// The places of the slots' `invalid:` messages, by slot name.
    var invalidLocations: [String: SourceLocation] = [:]
    /// The places of the slots' `reuse:` and `unknown:` messages, by slot name.
    var reuseLocations: [String: SourceLocation] = [:]
    var unknownLocations: [String: SourceLocation] = [:]
    var missingLocation: SourceLocation?
    var lookupByLocation: SourceLocation?
    /// The places of each case's key, reply, confirm question and offer, in the intent's case order.
    var casePlaces: [(values: SourceLocation, reply: SourceLocation?, confirm: SourceLocation?, offer: SourceLocation?)] = []
    var casesLocation: SourceLocation?
    /// Whether the intent was written with `reply:` or `slots:` (even a broken one, already reported).
    var saysSomething = false
}

/// What is left to check of a table entity once the tables are read.
struct PendingTableEntity {
    var entity: TableEntity
    var tableLocation: SourceLocation
    var columnLocation: SourceLocation
    var aliasesLocation: SourceLocation?
}

extension BotFolderReader {
    static let intentFileKeys = ["entities", "intents"]
    static let intentKeys = ["name", "description", "examples", "slots", "lookup", "reply", "confirm", "declined", "cases"]
    static let slotKeys = ["entity", "prompt", "invalid", "reuse", "unknown", "min_length", "max_length", "pattern", "normalize", "after"]
    static let freeTextKeys: Set<String> = ["min_length", "max_length", "pattern", "normalize", "after"]
    static let lookupKeys = ["table", "key", "missing", "by"]
    static let caseKeys = ["reply", "confirm", "offer"]
    static let entityKeys = ["pattern", "values", "table", "column", "aliases"]

    /// Reads `intents/*.yml`: entity declarations and intents.
    mutating func readIntents() {
        guard let paths = listFiles(in: "intents", extensions: ["yml", "yaml"]) else {
            log.error(SourceLocation(file: "intents/"),
                      "not a bot folder: there is no intents/ folder; create intents/ with .yml files of intents (or give the bot folder with --bot DIR)")
            return
        }
        if paths.isEmpty {
            log.warning(SourceLocation(file: "intents/"), "no intent files; add intents/*.yml with `intents:` (a list of intents)")
        }
        for path in paths {
            guard let (file, root) = readYAML(path, emptyHint: "write `intents:` with a list of intents") else { continue }
            guard case .mapping = root else {
                log.error(file.location(root), "an intents file should be a mapping with `intents:` (a list of intents) and optionally `entities:`, found \(YAMLFile.describe(root))")
                continue
            }
            guard let fields = file.fields(root, "an intents file", allowed: Self.intentFileKeys, log: &log) else { continue }
            if let entities = fields["entities"] { readEntities(entities, in: file) }
            if let intents = fields["intents"] {
                if let items = file.list(intents, "'intents'", log: &log) {
                    for item in items { readIntent(item, in: file) }
                }
            } else if fields["entities"] == nil {
                log.warning(file.location(root), "no `intents:` in this file")
            }
        }
    }

    // MARK: Entities

    private mutating func readEntities(_ node: Node, in file: YAMLFile) {
        guard let declarations = file.fields(node, "'entities'", allowed: nil, log: &log) else { return }
        for declaration in declarations.entries {
            let name = declaration.name
            let location = file.location(declaration.key)
            guard name.isPlaceholderName else {
                log.error(location, "entity name '\(name)' should be letters, digits, '_' or '-' (it is named in slots as `entity: \(name)`)")
                continue
            }
            if BuiltInEntity.isBuiltIn(name) {
                log.error(location, "'\(name)' is a built-in entity; slots can name it without declaring it, so remove this declaration or choose another name")
                continue
            }
            if let first = entityLocations[name] {
                log.error(location, "entity '\(name)' is already declared at \(first); entity names are shared by all intent files, so keep one")
                continue
            }
            entityLocations[name] = location
            let what = "entity '\(name)'"
            guard let fields = file.fields(declaration.value, what, allowed: Self.entityKeys, log: &log) else { continue }
            if let tableNode = fields["table"] {
                readTableEntity(name, tableNode, fields, at: location, in: file)
                continue
            }
            for key in ["column", "aliases"] where fields[key] != nil {
                log.error(file.location(fields[key]), "`\(key)` belongs to a table entity; \(what) has no `table:` (write `{ table: products, column: name }`)")
            }
            switch (fields["pattern"], fields["values"]) {
            case let (pattern?, nil):
                if let pattern = file.text(pattern, "the pattern of \(what)", log: &log),
                   checkPattern(pattern, of: "entity '\(name)'", at: file.location(fields["pattern"])) {
                    bot.patternEntities.append(PatternEntity(name: name, pattern: pattern))
                } else {
                    brokenEntities.insert(name)
                }
            case let (nil, values?):
                if let values = readLookupValues(values, of: what, in: file) {
                    bot.lookupEntities.append(LookupEntity(name: name, values: values))
                }
            case (_?, _?):
                log.error(location, "\(what) has both `pattern` and `values`; an entity is either a regex (`pattern`) or a list (`values`)")
            case (nil, nil):
                log.error(file.location(declaration.value),
                          "\(what) needs `pattern: '<regex>'` or `values: { canonical: [synonym, …] }`")
            }
        }
    }

    /// `product: { table: products, column: name, aliases: aliases }`: checked against the table later.
    private mutating func readTableEntity(_ name: String, _ tableNode: Node, _ fields: YAMLFile.Fields,
                                          at location: SourceLocation, in file: YAMLFile) {
        let what = "entity '\(name)'"
        for key in ["pattern", "values"] where fields[key] != nil {
            log.error(file.location(fields[key]), "\(what) has both `table` and `\(key)`; an entity is a regex (`pattern`), a list (`values`) or a table (`table` and `column`)")
        }
        guard let table = file.text(tableNode, "the table of \(what)", log: &log) else { return }
        guard let columnNode = fields["column"], let column = file.text(columnNode, "the column of \(what)", log: &log) else {
            if fields["column"] == nil {
                log.error(location, "\(what) needs `column:`, the table's column of names customers say (`{ table: \(table), column: name }`)")
            }
            return
        }
        let aliases = fields["aliases"].flatMap { file.text($0, "the aliases column of \(what)", log: &log) }
        let entity = TableEntity(name: name, table: table, column: column, aliasColumn: aliases, location: location)
        pendingTableEntities.append(PendingTableEntity(entity: entity, tableLocation: file.location(tableNode),
                                                       columnLocation: file.location(columnNode),
                                                       aliasesLocation: fields["aliases"].map { file.location($0) }))
        bot.tableEntities.append(entity)
    }

    /// Compiles a regex entity's pattern the way the extractor will (ICU, through Foundation).
    mutating func checkPattern(_ pattern: String, of name: String, at location: SourceLocation) -> Bool {
        let expression: NSRegularExpression
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            log.error(location, "invalid regular expression for \(name): \(Self.regexComplaint(pattern)); write an ICU regex (single-quote it in YAML so backslashes stay)")
            return false
        }
        if expression.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil {
            log.warning(location, "the pattern of \(name) matches empty text, so it would be found in every line; use + instead of * or add what must be there")
        }
        return true
    }

    /// Why ICU rejects a pattern. Foundation on Linux does not pass ICU's message on, so the
    /// message comes from Swift's regex parser, which agrees with ICU on syntax errors.
    static func regexComplaint(_ pattern: String) -> String {
        do {
            _ = try Regex(pattern)
            return "ICU rejects '\(pattern)'"
        } catch {
            return "'\(pattern)': \(error)"
        }
    }

    /// `values:` as a mapping (canonical → synonyms, a synonym, or nothing) or a list of canonicals.
    private mutating func readLookupValues(_ node: Node, of what: String, in file: YAMLFile) -> [String: [String]]? {
        var values: [String: [String]] = [:]
        var meaningOf: [String: String] = [:]
        func add(_ canonical: String, _ synonyms: [(text: String, node: Node)], at location: SourceLocation, log: inout IssueLog) {
            values[canonical, default: []] += synonyms.map(\.text)
            for (synonym, synonymNode) in [(canonical, Optional<Node>.none)] + synonyms.map({ ($0.text, Optional($0.node)) }) {
                let key = synonym.lowercased()
                if let other = meaningOf[key], other != canonical {
                    log.error(synonymNode.map { file.location($0) } ?? location,
                              "'\(synonym)' in \(what) stands for both '\(other)' and '\(canonical)'; keep it under one value")
                }
                meaningOf[key] = canonical
            }
        }
        switch node {
        case .sequence:
            for (canonical, item) in file.texts(node, "the values of \(what)", log: &log) ?? [] {
                add(canonical, [], at: file.location(item), log: &log)
            }
        case .mapping:
            guard let fields = file.fields(node, "the values of \(what)", allowed: nil, log: &log) else { return nil }
            for entry in fields.entries {
                let synonyms: [(text: String, node: Node)]
                if YAMLFile.isNull(entry.value) {
                    synonyms = []
                } else if case .scalar = entry.value {
                    synonyms = file.text(entry.value, "a synonym of '\(entry.name)'", log: &log).map { [($0, entry.value)] } ?? []
                } else {
                    synonyms = file.texts(entry.value, "the synonyms of '\(entry.name)'", log: &log) ?? []
                }
                add(entry.name, synonyms, at: file.location(entry.key), log: &log)
            }
        default:
            log.error(file.location(node), "the values of \(what) should be a mapping (北京: [北京市, 帝都]) or a list, found \(YAMLFile.describe(node))")
            return nil
        }
        if values.isEmpty {
            log.error(file.location(node), "\(what) has no values; list at least one")
            return nil
        }
        return values
    }

    // MARK: Intents

    private mutating func readIntent(_ node: Node, in file: YAMLFile) {
        guard let fields = file.fields(node, "an intent", allowed: Self.intentKeys, log: &log) else { return }
        let location = file.location(node)
        guard let nameNode = fields["name"] else {
            log.error(location, "an intent needs `name:`; give it a unique name such as order_status")
            return
        }
        guard let name = file.text(nameNode, "the intent's name", log: &log) else { return }
        let what = "intent '\(name)'"
        if name.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
            log.error(file.location(nameNode), "\(what): a name cannot contain spaces; use '_' (order_status)")
        }
        if let first = intentLocations[name] {
            log.error(file.location(nameNode), "duplicate intent name '\(name)', first defined at \(first); rename one or merge their examples")
        } else {
            intentLocations[name] = file.location(nameNode)
        }
        let description = fields["description"].flatMap { file.text($0, "the description of \(what)", log: &log) }
        let examples = readExamples(fields["examples"], of: what, at: location, in: file)
        var pending = PendingIntentCheck(intentIndex: bot.intents.count, slotEntityLocations: [])
        pending.saysSomething = fields["reply"] != nil || fields["slots"] != nil
        var slots: [SlotDefinition] = []
        if let slotsNode = fields["slots"] {
            slots = readSlots(slotsNode, of: what, in: file, pending: &pending)
        }
        var lookup: TableLookup?
        if let lookupNode = fields["lookup"],
           let lookupFields = file.fields(lookupNode, "the lookup of \(what)", allowed: Self.lookupKeys, log: &log) {
            let table = lookupFields["table"].flatMap { file.text($0, "the lookup table of \(what)", log: &log) }
            let key = lookupFields["key"].flatMap { file.text($0, "the lookup key of \(what)", log: &log) }
            if let table, let key {
                let missing = readTemplate(lookupFields["missing"], "the missing message of the lookup of \(what)", in: file)
                pending.missingLocation = missing.location
                let by = lookupFields["by"].flatMap { file.text($0, "the `by` column of the lookup of \(what)", log: &log) }
                lookup = TableLookup(table: table, key: key, missing: missing.template, by: by, location: file.location(lookupNode))
                pending.lookupByLocation = lookupFields["by"].map { file.location($0) }
                pending.lookupTableLocation = file.location(lookupFields["table"])
                pending.lookupKeyLocation = file.location(lookupFields["key"])
            } else if lookupFields["table"] == nil || lookupFields["key"] == nil {
                log.error(file.location(lookupNode), "the lookup of \(what) needs `table:` (a CSV in knowledge-base/tables/) and `key:` (a slot): { table: orders, key: order_id }")
            }
        }
        let reply = readTemplate(fields["reply"], "the reply of \(what)", in: file)
        pending.replyLocation = reply.location
        let confirm = readTemplate(fields["confirm"], "the confirm question of \(what)", in: file)
        pending.confirmLocation = confirm.location
        let declined = readTemplate(fields["declined"], "the declined message of \(what)", in: file)
        pending.declinedLocation = declined.location
        var cases: [ReplyCase] = []
        if let casesNode = fields["cases"] {
            pending.casesLocation = file.location(fields.entries.first { $0.name == "cases" }?.key ?? casesNode)
            cases = readCases(casesNode, of: what, in: file, pending: &pending)
        }
        bot.intents.append(IntentDefinition(
            name: name, description: description, examples: examples, slots: slots, lookup: lookup,
            reply: reply.template, confirm: confirm.template, declined: declined.template, cases: cases,
            location: file.location(nameNode)))
        pendingIntentChecks.append(pending)
    }

    /// `cases:` — column value (or `a|b`) → `{ reply, confirm?, offer? }`.
    private mutating func readCases(_ node: Node, of what: String, in file: YAMLFile, pending: inout PendingIntentCheck) -> [ReplyCase] {
        guard let fields = file.fields(node, "the cases of \(what)", allowed: nil, log: &log) else { return [] }
        var cases: [ReplyCase] = []
        for entry in fields.entries {
            let values = entry.name.split(separator: "|").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            let caseWhat = "case '\(entry.name)' of \(what)"
            guard !values.isEmpty else {
                log.error(file.location(entry.key), "\(caseWhat) names no value; write the column value it is for (待付款, or 已发货|运输中)")
                continue
            }
            guard let caseFields = file.fields(entry.value, caseWhat, allowed: Self.caseKeys, log: &log) else { continue }
            let reply = readTemplate(caseFields["reply"], "the reply of \(caseWhat)", in: file)
            guard let replyTemplate = reply.template else {
                if caseFields["reply"] == nil {
                    log.error(file.location(entry.value), "\(caseWhat) needs `reply:` (what the bot says for such a row)")
                }
                continue
            }
            let confirm = readTemplate(caseFields["confirm"], "the confirm question of \(caseWhat)", in: file)
            let offer = caseFields["offer"].flatMap { file.text($0, "the offer of \(caseWhat)", log: &log) }
            cases.append(ReplyCase(values: values, reply: replyTemplate, confirm: confirm.template, offer: offer,
                                   location: file.location(entry.key)))
            pending.casePlaces.append((file.location(entry.key), reply.location, confirm.location,
                                       caseFields["offer"].map { file.location($0) }))
        }
        return cases
    }

    private mutating func readExamples(_ node: Node?, of what: String, at location: SourceLocation, in file: YAMLFile) -> [Example] {
        guard let node else {
            log.error(location, "\(what) has no `examples:`; list at least 2 lines customers say for it")
            return []
        }
        guard let texts = file.texts(node, "the examples of \(what)", log: &log) else { return [] }
        let examples = texts.map { Example(text: $0.text, location: file.location($0.node)) }
        if examples.count < 2 {
            log.error(file.location(node), "\(what) has \(examples.count == 1 ? "only 1 example" : "no examples"); give at least 2 different lines customers say for it")
        }
        return examples
    }

    private mutating func readSlots(_ node: Node, of what: String, in file: YAMLFile, pending: inout PendingIntentCheck) -> [SlotDefinition] {
        guard let fields = file.fields(node, "the slots of \(what)", allowed: nil, log: &log) else { return [] }
        var slots: [SlotDefinition] = []
        for entry in fields.entries {
            let slotWhat = "slot '\(entry.name)' of \(what)"
            guard entry.name.isPlaceholderName else {
                log.error(file.location(entry.key), "slot name '\(entry.name)' should be letters, digits, '_' or '-' so replies can name it as {\(entry.name)}")
                continue
            }
            var entity: String?
            var prompt: String?
            var invalid: ReplyTemplate?
            var reuse: ReplyTemplate?
            var unknown: ReplyTemplate?
            var rule: FreeTextRule?
            var entityNode = entry.value
            if case .scalar = entry.value {
                entity = file.text(entry.value, "the entity of \(slotWhat)", log: &log)   // short form `slot: entity`
            } else if let slotFields = file.fields(entry.value, slotWhat, allowed: Self.slotKeys, log: &log) {
                if let node = slotFields["entity"] {
                    entityNode = node
                    entity = file.text(node, "the entity of \(slotWhat)", log: &log)
                } else {
                    log.error(file.location(entry.value), "\(slotWhat) needs `entity:` (a built-in such as phone or date, or one declared under `entities:`)")
                }
                prompt = slotFields["prompt"].flatMap { file.text($0, "the prompt of \(slotWhat)", log: &log) }
                let message = readTemplate(slotFields["invalid"], "the invalid message of \(slotWhat)", in: file)
                invalid = message.template
                pending.invalidLocations[entry.name] = message.location
                let reuseMessage = readTemplate(slotFields["reuse"], "the reuse question of \(slotWhat)", in: file)
                reuse = reuseMessage.template
                pending.reuseLocations[entry.name] = reuseMessage.location
                let unknownMessage = readTemplate(slotFields["unknown"], "the unknown message of \(slotWhat)", in: file)
                unknown = unknownMessage.template
                pending.unknownLocations[entry.name] = unknownMessage.location
                if entity == SlotDefinition.freeText {
                    rule = readFreeTextRule(slotFields, of: slotWhat, in: file)
                } else if let stray = slotFields.entries.first(where: { Self.freeTextKeys.contains($0.name) }) {
                    log.error(file.location(stray.key), "`\(stray.name)` checks free text; \(slotWhat) takes entity '\(entity ?? "?")', so remove it or write `entity: text`")
                }
            }
            guard let entity else { continue }
            slots.append(SlotDefinition(name: entry.name, entity: entity, prompt: prompt, invalid: invalid, reuse: reuse,
                                        unknown: unknown, text: rule, location: file.location(entry.key)))
            pending.slotEntityLocations.append(file.location(entityNode))
        }
        return slots
    }

    /// `min_length`, `max_length`, `pattern`, `normalize` and `after` of a free-text slot.
    private mutating func readFreeTextRule(_ fields: YAMLFile.Fields, of what: String, in file: YAMLFile) -> FreeTextRule {
        var rule = FreeTextRule()
        func count(_ key: String) -> Int? {
            guard let node = fields[key], let text = file.text(node, "`\(key)` of \(what)", log: &log) else { return nil }
            guard let value = Int(text.trimmingWhitespace()), value >= 0 else {
                log.error(file.location(node), "`\(key)` of \(what) should be a whole number of characters, found '\(text)'")
                return nil
            }
            return value
        }
        if let minimum = count("min_length") { rule.minimumLength = minimum }
        if let maximum = count("max_length") { rule.maximumLength = maximum }
        if rule.minimumLength > rule.maximumLength {
            log.error(file.location(fields["min_length"] ?? fields["max_length"]), "\(what): min_length \(rule.minimumLength) is more than max_length \(rule.maximumLength)")
        }
        if let node = fields["pattern"], let pattern = file.text(node, "the pattern of \(what)", log: &log),
           checkPattern(pattern, of: what, at: file.location(node)) {
            rule.pattern = pattern
        }
        if let node = fields["after"] {
            let items: [(text: String, node: Node)]
            if case .scalar = node { items = file.text(node, "`after` of \(what)", log: &log).map { [($0, node)] } ?? [] }
            else { items = file.texts(node, "`after` of \(what)", log: &log) ?? [] }
            for (text, item) in items {
                let word = text.trimmingWhitespace()
                if word.isEmpty { log.error(file.location(item), "an empty word in `after` of \(what)") } else { rule.leadWords.append(word) }
            }
        }
        if let node = fields["normalize"] {
            let items: [(text: String, node: Node)]
            if case .scalar = node { items = file.text(node, "`normalize` of \(what)", log: &log).map { [($0, node)] } ?? [] }
            else { items = file.texts(node, "`normalize` of \(what)", log: &log) ?? [] }
            let allowed = FreeTextRule.Normalization.allCases.map(\.rawValue)
            for (text, item) in items {
                if let normalization = FreeTextRule.Normalization(rawValue: text.trimmingWhitespace()) {
                    rule.normalizations.append(normalization)
                } else {
                    let hint = KeySuggestion.closest(to: text, among: allowed).map { "did you mean '\($0)'? " } ?? ""
                    log.error(file.location(item), "unknown normalization '\(text)' of \(what); \(hint)use \(allowed.joined(separator: ", "))")
                }
            }
        }
        return rule
    }

    mutating func readTemplate(_ node: Node?, _ what: String, in file: YAMLFile) -> (template: ReplyTemplate?, location: SourceLocation?) {
        guard let node, let text = file.text(node, what, log: &log) else { return (nil, nil) }
        do {
            return (try ReplyTemplate(parsing: text), file.location(node))
        } catch {
            log.error(file.location(node), "\(what): \(error.problem)")
            return (nil, nil)
        }
    }
}
