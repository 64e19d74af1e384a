import ArgumentParser

/// `kefu stats`: PLACEHOLDER until it lands.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Conversation statistics over transcripts or a session store.")

    func run() throws { throw CLIError("kefu stats is not built yet") }
}
