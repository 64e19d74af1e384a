import BotDefinition

/// Why a bot could not be made ready; each says what to fix.
public enum ChatEngineError: Error, CustomStringConvertible, Sendable {
    /// The bot folder is missing or has errors (`kefu check` lists them).
    case bot(BotLoadError)
    /// A file of the bot folder could not be read.
    case unreadable(path: String, problem: String)
    /// The models could not be built from the bot's data.
    case training(String)

    public var description: String {
        switch self {
        case let .bot(error): return error.description
        case let .unreadable(path, problem): return "\(path): \(problem)"
        case let .training(problem): return "cannot train the bot: \(problem)"
        }
    }
}
