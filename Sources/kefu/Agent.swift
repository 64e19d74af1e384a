import AgentTerminal
import ArgumentParser
import Foundation

/// `kefu agent --server URL`: the human agents' inbox in a terminal.
struct Agent: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer handed-off conversations from a terminal (the agent console of kefu serve --http).",
        discussion: """
            Connects to a running kefu serve --http with the agent token and shows the hand-off \\
            queue live: conversations waiting for a person, oldest first, with the bot's reason. \\
            Commands: :list, :open N, :claim [N], :release, :close, :help, :quit; any other line \\
            goes to the customer of the conversation you claimed. On a terminal it reads with \\
            readline and prints what arrives above the line you are typing; from a pipe it reads \\
            plain lines, one command at a time.
            """
    )

    @Option(name: .customLong("server"), help: ArgumentHelp("The server's address.", valueName: "url"))
    var server = "http://127.0.0.1:8080"

    @Option(name: .customLong("token"), help: ArgumentHelp("The agent token (else KEFU_AGENT_TOKEN).", valueName: "token"))
    var token: String?

    @Option(name: .customLong("name"), help: ArgumentHelp("Your name as customers see it (else $USER).", valueName: "name"))
    var name: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let token = token ?? environment["KEFU_AGENT_TOKEN"], !token.isEmpty else {
            throw CLIError("kefu agent needs the agent token: --token TOKEN or KEFU_AGENT_TOKEN (the one kefu serve --http was started with)")
        }
        let agent = name ?? environment["USER"] ?? "agent"
        do {
            try await AgentTerminal.run(server: server, token: token, agent: agent, interactive: isatty(STDIN_FILENO) == 1)
        } catch {
            throw CLIError(error.description)
        }
    }
}
