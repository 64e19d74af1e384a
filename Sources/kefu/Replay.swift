import ArgumentParser

/// `kefu replay`: PLACEHOLDER until it lands.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Replay transcripts as regression tests.")

    func run() throws { throw CLIError("kefu replay is not built yet") }
}
