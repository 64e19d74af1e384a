import ArgumentParser

/// `kefu chat`: the REPL (DESIGN §4). PLACEHOLDER until the REPL lands.
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Chat with the bot (REPL).")

    @Option(name: .customLong("bot"), help: ArgumentHelp("The bot folder.", valueName: "dir"))
    var bot = "."

    func run() throws { throw CLIError("kefu chat is not built yet") }
}
