import Analytics
import ArgumentParser
import ChatEngine
import Foundation

/// `kefu stats [PATH…] [--bot DIR] [--json]`: conversation statistics over transcripts (replayed
/// through the bot) or session stores (`kefu serve --stdio --store FILE`).
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Conversation statistics over transcripts or a session store.",
        discussion: """
            PATH: transcript files or folders (default transcripts/) or a session store written by \
            kefu serve --stdio --store FILE (told apart by its SQLite header). Prints conversations, \
            turns per conversation, the intent histogram, fallback and hand-off rates, the \
            knowledge-base answers used and the policies that chose the replies.

            A transcript records checks, not outcomes: its lines are replayed through the bot in \
            --bot, so its figures describe what the current bot answers to those lines. A store \
            records what the bot said at the time.
            """
    )

    @Argument(help: ArgumentHelp("Transcript files or folders, or session stores.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("bot"), help: ArgumentHelp("The bot folder transcripts are replayed against.", valueName: "dir"))
    var bot = "."

    @Flag(name: .customLong("json"), help: "Print one JSON object with stable keys instead of the report.")
    var json = false

    func run() throws {
        let collector = try Self.collect(paths, bot: bot, acceptsPlainText: false, command: "stats")
        let stats = ConversationStats(collector.conversations, handoffs: collector.handoffs)
        print(json ? stats.json : stats.report, terminator: json ? "\n" : "")
    }

    /// The conversations (and plain lines) of `paths`, default `transcripts/`, transcripts
    /// replayed against `bot` (loaded once, with a progress bar on a terminal if it must train).
    static func collect(_ paths: [String], bot: String, acceptsPlainText: Bool, command: String) throws -> ConversationCollector {
        var paths = paths
        if paths.isEmpty {
            guard FileManager.default.fileExists(atPath: "transcripts") else {
                throw CLIError("no transcripts/ folder here; give kefu \(command) transcript files or folders, or a session store")
            }
            paths = ["transcripts"]
        }
        var collector = ConversationCollector(replayer: TranscriptReplayer(botFolder: bot, loader: { folder throws(ChatEngineError) in
            try Chat.load(folder)
        }))
        do {
            try collector.read(try AnalyticsInput.classify(paths), acceptsPlainText: acceptsPlainText)
        } catch {
            throw CLIError(error.description)
        }
        return collector
    }
}
