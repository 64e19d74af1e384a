/// A line for the agent rather than the bot: a colon, a command name, maybe an argument.
///
/// `:why 我想退货` → `.why("我想退货")`; `:debug on` → `.debug(true)`; `:stat` →
/// `.unknown(":stat", suggestion: ":state")`. A colon not followed by a letter (`:)`) is
/// customer text, not a command.
public enum AgentCommand: Hashable, Sendable {
    /// Explain the last customer line, or the given text without answering it.
    case why(String?)
    case state
    case reset
    /// List the intents, or show the one named (or those containing the text).
    case intents(String?)
    case knowledge(String?)
    case save(String?)
    case reload
    /// Turn the debug line on or off; nil shows whether it is on.
    case debug(Bool?)
    case help
    case quit
    /// An argument the command cannot take (`:debug maybe`), with what it expects.
    case badArgument(command: String, expected: String)
    /// Not a command; the closest one, when one is close.
    case unknown(String, suggestion: String?)

    /// Every command, as typed, in the order `:help` lists them.
    public static let names = [":why", ":state", ":reset", ":intents", ":kb", ":save", ":reload", ":debug", ":help", ":quit"]

    /// What `:help` prints: each command with its argument and what it does.
    public static let helpText = """
        Agent commands (anything else is a customer line for the bot):
          :why [TEXT]      explain the last customer line, or TEXT without answering it:
                           tokens, intents and the n-grams behind them, entities,
                           knowledge-base candidates, the policy and reason of the reply
          :state           the conversation's state (turns, active intent, slots, …)
          :reset           start the conversation over (and the transcript :save writes)
          :intents [NAME]  the bot's intents with example counts, or one intent in detail
          :kb QUERY        the knowledge base's best entries for QUERY, with scores
          :save FILE       save the conversation as a transcript (YAML) for kefu replay
          :reload          reload the bot folder; the conversation goes on
          :debug on|off    show policy, intent, confidence and answer under each reply
          :help            this list
          :quit            leave (Ctrl-D does too)
        Tab completes commands and intent names; ↑/↓ walk the history (~/.kefu_history).

        """

    /// The command on `line`, or nil when the line is customer text.
    public init?(parsing line: String) {
        let scalars = line.unicodeScalars
        guard scalars.first == ":", let second = scalars.dropFirst().first, second.properties.isAlphabetic else {
            return nil
        }
        let name: String
        let argument: String?
        if let space = line.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) {
            name = String(line[..<space])
            let rest = line[line.index(after: space)...].trimmingWhitespace()
            argument = rest.isEmpty ? nil : rest
        } else {
            name = line
            argument = nil
        }
        switch name.lowercased() {
        case ":why": self = .why(argument)
        case ":state": self = .state
        case ":reset": self = .reset
        case ":intents", ":intent": self = .intents(argument)
        case ":kb": self = .knowledge(argument)
        case ":save": self = .save(argument)
        case ":reload": self = .reload
        case ":debug":
            switch argument?.lowercased() {
            case nil: self = .debug(nil)
            case "on": self = .debug(true)
            case "off": self = .debug(false)
            default: self = .badArgument(command: ":debug", expected: "on or off")
            }
        case ":help", ":h", ":?": self = .help
        case ":quit", ":q", ":exit": self = .quit
        default: self = .unknown(name, suggestion: Self.closest(to: name.lowercased()))
        }
    }

    /// The command whose name is within two edits of `name`, or that `name` is a prefix of.
    static func closest(to name: String) -> String? {
        if let extended = names.first(where: { $0.hasPrefix(name) }) { return extended }
        let scored = names.map { (name: $0, distance: editDistance(Array(name), Array($0))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= 2 else { return nil }
        return best.name
    }

    /// The Levenshtein distance between two words.
    /// - Complexity: O(`a.count` × `b.count`), on command names of a few letters.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
