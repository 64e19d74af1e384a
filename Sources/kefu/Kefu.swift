import ArgumentParser

/// The `kefu` command: every subcommand is a thin front end over the library modules.
@main
struct Kefu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kefu",
        abstract: "Kefu (客服): an offline, Chinese-aware customer-support chatbot engine.",
        version: "0.1.0",
        subcommands: [Chat.self, Serve.self, Agent.self, StoreCommand.self, Train.self, Replay.self, Stats.self, Mine.self, Parse.self, Tokenize.self, Check.self, Eval.self, CompileDictionary.self]
    )

    /// Runs the command line, with the exit statuses of the command-line contract: 0 success,
    /// 1 a failed check, 2 bad usage or unreadable input (with a message on standard error).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var server = command as? any AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            printError("kefu: \(error.description)")
            self.exit(withError: ExitCode(2))
        } catch let error as ExitCode {
            self.exit(withError: error)
        } catch {
            if exitCode(for: error) == .success { self.exit(withError: error) }   // --help, --version
            printError(fullMessage(for: error))
            self.exit(withError: ExitCode(2))
        }
    }
}
