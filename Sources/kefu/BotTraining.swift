import BotDefinition
import ChatEngine
import Foundation

/// Loads bot folders for commands: the engine (cached model or trained, with a progress bar on a
/// terminal while training), and the bot alone; a folder with errors is refused with one line
/// that points to `kefu check`.
enum BotTraining {
    /// The engine of the bot folder at `path`, its model from the cache when it is up to date.
    static func engine(ofBotAt path: String, options: EngineLoadOptions = EngineLoadOptions()) throws -> ChatEngine {
        var progressBar = TrainingProgressBar()
        defer { progressBar.finish() }
        do {
            return try ChatEngine.load(botFolder: path, options: options) { progressBar.show($0) }
        } catch {
            if case .bot(let problem) = error { throw message(for: problem, path: path) }
            throw CLIError(error.description)
        }
    }

    /// The bot folder at `path`; a folder with errors is refused with the first error and a
    /// pointer to `kefu check`.
    static func load(_ path: String) throws -> Bot {
        do {
            return try Bot.load(from: path)
        } catch {
            throw message(for: error, path: path)
        }
    }

    private static func message(for error: BotLoadError, path: String) -> CLIError {
        switch error {
        case .unreadableFolder:
            return CLIError(error.description)
        case .invalid(let issues):
            let errors = issues.filter { $0.severity == .error }
            let first = errors.first.map { "\($0)" } ?? "errors"
            return CLIError("the bot folder '\(path)' has \(errors.count) error(s); first: \(first) (run `kefu check --bot \(path)` for all)")
        }
    }
}
