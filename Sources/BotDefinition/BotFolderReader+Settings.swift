import Foundation
import Yams

extension BotFolderReader {
    static let settingsFile = "bot.yml"
    static let settingsKeys = ["name", "time_zone", "messages", "fallback", "frustration", "privacy", "tables", "sessions"]
    static let alternateKeyKeys = ["find_by", "prompt", "several", "none"]
    static let findByKeys = ["column", "entity", "label"]
    static let fallbackKeys = ["handoff_after"]
    static let frustrationKeys = ["words", "impatience"]
    static let privacyKeys = ["mask"]
    static let sessionKeys = ["idle_timeout", "retention"]

    /// Reads the optional `bot.yml` at the folder's root into `bot.settings`.
    mutating func readSettings() {
        let path = Self.settingsFile
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else {
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("bot.yaml").path) {
                log.warning(SourceLocation(file: "bot.yaml"), "ignored: the settings file is called bot.yml; rename it")
            }
            return
        }
        guard let (file, root) = readYAML(path, emptyHint: "write `name:` and `messages:`, or remove the file") else { return }
        guard let fields = file.fields(root, "bot.yml", allowed: Self.settingsKeys, log: &log) else { return }
        var settings = BotSettings()
        if let node = fields["name"], let name = file.text(node, "the bot's `name`", log: &log) {
            settings.name = name.trimmingWhitespace()
        }
        if let node = fields["time_zone"], let text = file.text(node, "`time_zone`", log: &log) {
            let identifier = text.trimmingWhitespace()
            if let zone = TimeZone(identifier: identifier) {
                settings.timeZone = zone
            } else {
                let hint = KeySuggestion.closest(to: identifier, among: TimeZone.knownTimeZoneIdentifiers).map { "did you mean '\($0)'? " } ?? ""
                log.error(file.location(node), "`time_zone` '\(identifier)' is not a time zone; \(hint)write an IANA name such as Asia/Shanghai")
            }
        }
        if let node = fields["messages"] {
            readMessages(node, in: file, into: &settings.messages)
        }
        if let node = fields["fallback"],
           let fallback = file.fields(node, "`fallback`", allowed: Self.fallbackKeys, log: &log),
           let countNode = fallback["handoff_after"],
           let text = file.text(countNode, "`fallback.handoff_after`", log: &log) {
            if let count = Int(text.trimmingWhitespace()), count >= 1 {
                settings.handoffAfterMisses = count
            } else {
                log.error(file.location(countNode), "`fallback.handoff_after` should be a whole number ≥ 1 (misses in a row before a human takes over), found '\(text)'")
            }
        }
        if let node = fields["frustration"],
           let frustration = file.fields(node, "`frustration`", allowed: Self.frustrationKeys, log: &log) {
            if let wordsNode = frustration["words"] {
                settings.frustrationWords = (file.texts(wordsNode, "`frustration.words`", log: &log) ?? []).map { $0.text.trimmingWhitespace() }
            }
            if let wordsNode = frustration["impatience"] {
                settings.impatienceWords = (file.texts(wordsNode, "`frustration.impatience`", log: &log) ?? []).map { $0.text.trimmingWhitespace() }
            }
        }
        if let node = fields["privacy"] {
            readPrivacy(node, in: file, into: &settings.privacy)
        }
        if let node = fields["tables"] {
            settings.alternateKeys = readAlternateKeys(node, in: file)
        }
        if let node = fields["sessions"] {
            readSessions(node, in: file, into: &settings.sessions)
        }
        bot.settings = settings
    }

    /// `tables: { orders: { find_by: { column: phone, entity: phone, label: items }, prompt: …, several: …, none: … } }`.
    /// Whether the tables, columns and entities exist is checked once everything is read.
    private mutating func readAlternateKeys(_ node: Node, in file: YAMLFile) -> [String: AlternateKey] {
        guard let tables = file.fields(node, "`tables`", allowed: nil, log: &log) else { return [:] }
        var keys: [String: AlternateKey] = [:]
        for entry in tables.entries {
            let what = "`tables.\(entry.name)`"
            guard let fields = file.fields(entry.value, what, allowed: Self.alternateKeyKeys, log: &log) else { continue }
            guard let findNode = fields["find_by"],
                  let find = file.fields(findNode, "\(what).find_by", allowed: Self.findByKeys, log: &log) else {
                log.error(file.location(entry.value), "\(what) needs `find_by: { column: phone, entity: phone }`: the column to search and the entity whose value is searched for")
                continue
            }
            let column = find["column"].flatMap { file.text($0, "\(what).find_by.column", log: &log) }?.trimmingWhitespace()
            let entity = find["entity"].flatMap { file.text($0, "\(what).find_by.entity", log: &log) }?.trimmingWhitespace()
            let label = find["label"].flatMap { file.text($0, "\(what).find_by.label", log: &log) }?.trimmingWhitespace()
            guard let column, let entity else {
                log.error(file.location(findNode), "\(what).find_by needs `column:` and `entity:`: { column: phone, entity: phone }")
                continue
            }
            guard let prompt = readTemplate(fields["prompt"], "\(what).prompt", in: file).template else {
                if fields["prompt"] == nil {
                    log.error(file.location(entry.value), "\(what) needs `prompt:`, the question asked when the customer lacks the key (没关系，请告诉我下单时用的手机号。)")
                }
                continue
            }
            keys[entry.name] = AlternateKey(table: entry.name, column: column, entity: entity, label: label, prompt: prompt,
                                            several: readTemplate(fields["several"], "\(what).several", in: file).template,
                                            none: readTemplate(fields["none"], "\(what).none", in: file).template,
                                            location: file.location(entry.value))
        }
        return keys
    }

    /// `sessions: { idle_timeout: 30m, retention: 90d }` (`off` for never).
    private mutating func readSessions(_ node: Node, in file: YAMLFile, into sessions: inout SessionSettings) {
        guard let fields = file.fields(node, "`sessions`", allowed: Self.sessionKeys, log: &log) else { return }
        func span(_ key: String, _ meaning: String) -> Double?? {
            guard let node = fields[key], let text = file.text(node, "`sessions.\(key)`", log: &log) else { return .none }
            if ["off", "never", "false", "no"].contains(text.trimmingWhitespace().lowercased()) { return .some(nil) }
            guard let seconds = SessionSettings.seconds(text), seconds > 0 else {
                log.error(file.location(node), "`sessions.\(key)` should be a span such as 30m, 2h or 90d (\(meaning)), or off, found '\(text)'")
                return .none
            }
            return .some(seconds)
        }
        if let idle = span("idle_timeout", "silence after which a line starts a fresh dialogue context") { sessions.idleTimeout = idle }
        if let retention = span("retention", "how long a session nobody writes to is kept") { sessions.retention = retention }
    }

    /// `privacy: { mask: true|false }`.
    private mutating func readPrivacy(_ node: Node, in file: YAMLFile, into privacy: inout PrivacySettings) {
        guard let fields = file.fields(node, "`privacy`", allowed: Self.privacyKeys, log: &log),
              let maskNode = fields["mask"],
              let text = file.text(maskNode, "`privacy.mask`", log: &log) else { return }
        switch text.trimmingWhitespace().lowercased() {
        case "true", "yes", "on": privacy.mask = true
        case "false", "no", "off": privacy.mask = false
        default:
            log.error(file.location(maskNode), "`privacy.mask` should be true (mask phone, ID-card and bank-card numbers and e-mail addresses in transcripts, the session store and debug output) or false, found '\(text)'")
        }
    }

    private mutating func readMessages(_ node: Node, in file: YAMLFile, into messages: inout BotMessages) {
        let keys = BotMessages.keys
        guard let fields = file.fields(node, "`messages`", allowed: keys.map(\.name), log: &log) else { return }
        for entry in fields.entries {
            guard let key = keys.first(where: { $0.name == entry.name }) else { continue }
            let what = "message '\(key.name)'"
            let template = readTemplate(entry.value, what, in: file)
            guard let parsed = template.template else { continue }
            let before = log.issues.count
            checkMessage(parsed, at: template.location, what, allowed: ["name"] + key.placeholders)
            if log.issues.count == before { messages[keyPath: key.path] = parsed }
        }
    }
}
