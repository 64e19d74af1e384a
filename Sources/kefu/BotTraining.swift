import BotDefinition
import ChatEngine
import Foundation

/// Loads bot folders for commands, and trains a bot's understanding with a progress bar on a terminal.
enum BotTraining {
    /// The trained understanding of the bot folder at `path`.
    static func understanding(ofBotAt path: String) throws -> LanguageUnderstanding {
        let bot = try load(path)
        var progressBar = TrainingProgressBar()
        defer { progressBar.finish() }
        do {
            return try LanguageUnderstanding.train(bot) { progressBar.show($0) }
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The bot folder at `path`; a folder with errors is refused with the first error and a
    /// pointer to `kefu check`.
    static func load(_ path: String) throws -> Bot {
        do {
            return try Bot.load(from: path)
        } catch {
            switch error {
            case .unreadableFolder:
                throw CLIError(error.description)
            case .invalid(let issues):
                let errors = issues.filter { $0.severity == .error }
                let first = errors.first.map { "\($0)" } ?? "errors"
                throw CLIError("the bot folder '\(path)' has \(errors.count) error(s); first: \(first) (run `kefu check --bot \(path)` for all)")
            }
        }
    }
}
