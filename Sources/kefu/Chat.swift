import ArgumentParser
import ChatEngine
import ChatREPL
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kefu chat`: the REPL (DESIGN §4). On a terminal: readline with history in ~/.kefu_history,
/// tab completion, a banner and 「客服：」 before replies. Through a pipe: plain lines in, bare
/// replies out, one a line, so `printf '你好\n我想退货\n' | kefu chat` is scriptable.
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chat with the bot (REPL).",
        discussion: "Type as a customer would; :help lists the agent commands (:why, :state, :kb, :save, …)."
    )

    @Option(name: .customLong("bot"), help: ArgumentHelp("The bot folder.", valueName: "dir"))
    var bot = "."

    func run() throws {
        let onTerminal = isatty(STDIN_FILENO) == 1
        let engine: ChatEngine
        do { engine = try Self.load(bot) } catch { throw CLIError(error.description) }
        var output = StandardStreams()
        for warning in engine.loadReport?.warnings ?? [] { output.warn("kefu chat: \(warning)\n") }
        var session = ChatSession(engine: engine, botFolder: bot, style: onTerminal ? .terminal : .plain, loader: Self.load)
        if onTerminal {
            output.write(session.banner)
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
            var editor = LineEditor(historyFile: URL(fileURLWithPath: home).appendingPathComponent(".kefu_history").path,
                                    mask: engine.privacyMask, warn: { message in var streams = StandardStreams(); streams.warn(message) })
            session.run(lines: &editor, output: &output)
        } else {
            var lines = PlainLineSource(descriptor: STDIN_FILENO)
            session.run(lines: &lines, output: &output)
        }
    }

    /// The engine of the bot folder at `path`: its cached model, or one trained now (with a progress
    /// bar on a terminal). `kefu serve` loads through it too.
    static func load(_ path: String) throws(ChatEngineError) -> ChatEngine {
        var progressBar = TrainingProgressBar()
        defer { progressBar.finish() }
        return try ChatEngine.load(botFolder: path) { progressBar.show($0) }
    }
}
