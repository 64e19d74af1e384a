import ArgumentParser

/// `kefu serve --stdio`: the JSON-lines adapter (DESIGN §3). PLACEHOLDER until the adapter lands.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the bot over standard input and output (JSON lines).")

    @Option(name: .customLong("bot"), help: ArgumentHelp("The bot folder.", valueName: "dir"))
    var bot = "."

    func run() throws { throw CLIError("kefu serve is not built yet") }
}
