/// What tab completion offers, and where: agent commands at the start of a line, intent names
/// after `:intents ` and `:why `, `on` / `off` after `:debug `. Customer text is never completed.
///
/// `:in` → `:intents`; `:intents or` → `order_status`.
public struct CompletionVocabulary: Hashable, Sendable {
    /// The agent commands, with their leading colon.
    public var commands: [String]
    /// The bot's intent names.
    public var intents: [String]

    public init(commands: [String] = AgentCommand.names, intents: [String] = []) {
        self.commands = commands
        self.intents = intents
    }

    /// The words that complete `word`, which starts after `before` on the line, sorted.
    public func matches(for word: String, after before: String) -> [String] {
        let context = before.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let candidates: [String]
        switch context.count {
        case 0:
            candidates = word.hasPrefix(":") ? commands : []
        case 1 where context[0] == ":intents" || context[0] == ":why":
            candidates = intents
        case 1 where context[0] == ":debug":
            candidates = ["off", "on"]
        default:
            candidates = []
        }
        return candidates.filter { $0.hasPrefix(word) }.sorted()
    }
}
