/// What checking a bot folder found: the bot as far as it could be read, and every problem.
public struct BotCheckReport: Sendable, Equatable {
    /// The bot, leaving out what had errors.
    public var bot: Bot
    /// Every error and warning, sorted by file, line and column.
    public var issues: [BotIssue]
    /// The files read, relative to the bot folder, sorted.
    public var files: [String]

    public init(bot: Bot, issues: [BotIssue], files: [String]) {
        self.bot = bot
        self.issues = issues
        self.files = files
    }

    public var errors: [BotIssue] { issues.filter { $0.severity == .error } }
    public var warnings: [BotIssue] { issues.filter { $0.severity == .warning } }
    /// Whether the folder has errors (warnings alone do not count).
    public var hasErrors: Bool { issues.contains { $0.severity == .error } }

    /// One line: `2 errors, 1 warning in 5 files`, or when there are no errors
    /// `ok: 27 intents, 84 knowledge-base entries, 2 tables` (with any warnings after).
    public var summary: String {
        let warningText = Self.count(warnings.count, "warning")
        if hasErrors {
            return "\(Self.count(errors.count, "error")), \(warningText) in \(Self.count(files.count, "file"))"
        }
        var text = "ok: \(Self.count(bot.intents.count, "intent")), "
            + "\(Self.count(bot.knowledgeBase.count, "knowledge-base entry", plural: "knowledge-base entries")), "
            + Self.count(bot.tables.count, "table")
        if !warnings.isEmpty { text += ", \(warningText)" }
        return text
    }

    private static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }
}
