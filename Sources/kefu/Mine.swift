import ArgumentParser

/// `kefu mine`: PLACEHOLDER until it lands.
struct Mine: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Cluster the lines the bot could not answer into candidate intents.")

    func run() throws { throw CLIError("kefu mine is not built yet") }
}
