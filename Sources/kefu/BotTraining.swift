import BotDefinition
import ChatEngine
import Foundation

/// Loads a bot folder and trains its understanding for a command, with a progress bar on a terminal.
enum BotTraining {
    /// The trained understanding of the bot folder at `path`; a folder with errors is refused
    /// with the first errors and a pointer to `kefu check`.
    static func understanding(ofBotAt path: String) throws -> LanguageUnderstanding {
        let bot: Bot
        do {
            bot = try Bot.load(from: path)
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
        var progressBar = EvalProgressBar()
        defer { progressBar.finish() }
        do {
            return try LanguageUnderstanding.train(bot) { progressBar.show($0) }
        } catch {
            throw CLIError(error.description)
        }
    }
}
