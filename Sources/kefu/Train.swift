import ArgumentParser

/// `kefu train`: trains and caches a bot's model. PLACEHOLDER until the engine cache lands.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Train the bot and cache its model in .kefu/.")

    @Option(name: .customLong("bot"), help: ArgumentHelp("The bot folder.", valueName: "dir"))
    var bot = "."

    func run() throws { throw CLIError("kefu train is not built yet") }
}
