import Analytics
import ArgumentParser
import ChatEngine
import Foundation
import Privacy
import PostgresStore
import SessionStorage
import Synchronization

/// `kefu stats [PATH…] [--bot DIR] [--json]`: conversation statistics over transcripts (replayed
/// through the bot) or session stores (`kefu serve --stdio --store FILE`).
struct Stats: AsyncParsableCommand {
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

    @Option(name: .customLong("store"), help: ArgumentHelp("Also a session store: an SQLite file or a postgres:// address (repeatable).", valueName: "store"))
    var stores: [String] = []

    func run() async throws {
        var collector = try Self.collect(paths + stores.filter { !PostgresAddress.isPostgres($0) }, bot: bot, acceptsPlainText: false,
                                         command: "stats", allowEmpty: !stores.isEmpty)
        for store in stores where PostgresAddress.isPostgres(store) {
            let (conversations, handoffs) = try await Self.read(store)
            collector.conversations += conversations
            collector.handoffs += handoffs
        }
        let stats = ConversationStats(collector.conversations, handoffs: collector.handoffs)
        print(json ? stats.json : stats.report, terminator: json ? "\n" : "")
    }

    /// The conversations (and plain lines) of `paths`, default `transcripts/`, transcripts
    /// replayed against `bot` (loaded once, with a progress bar on a terminal if it must train).
    static func collect(_ paths: [String], bot: String, acceptsPlainText: Bool, command: String,
                        allowEmpty: Bool = false) throws -> ConversationCollector {
        var paths = paths
        var collector = ConversationCollector(replayer: TranscriptReplayer(botFolder: bot, loader: { folder throws(ChatEngineError) in
            try Chat.load(folder)
        }))
        if paths.isEmpty, allowEmpty { return collector }
        if paths.isEmpty {
            guard FileManager.default.fileExists(atPath: "transcripts") else {
                throw CLIError("no transcripts/ folder here; give kefu \(command) transcript files or folders, or a session store")
            }
            paths = ["transcripts"]
        }
        do {
            try collector.read(try AnalyticsInput.classify(paths), acceptsPlainText: acceptsPlainText)
        } catch {
            throw CLIError(error.description)
        }
        return collector
    }

    /// The conversations and hand-off cases of a PostgreSQL store, as the SQLite reader gives them.
    static func read(_ store: String) async throws -> ([ConversationLog], [HandoffRecord]) {
        let opened = try await OpenedStore.open(store, mask: PrivacyMask())
        defer { opened.close() }
        let rows = Mutex<(turns: [StoreRecord.TurnRow], cases: [HandoffRecord])>(([], []))
        do {
            try await opened.store.export { record in
                switch record {
                case .turn(let row): rows.withLock { $0.turns.append(row) }
                case .handoff(let row):
                    rows.withLock { $0.cases.append(HandoffRecord(reason: row.reason, status: row.status, requestedAt: row.requested_at,
                                                                  firstReplyAt: row.first_reply_at)) }
                case .session, .agentMessage: break
                }
            }
        } catch {
            throw CLIError(error.description)
        }
        let (turns, cases) = rows.withLock { ($0.turns, $0.cases) }
        let grouped = Dictionary(grouping: turns) { SessionKey(session: $0.session, conversation: $0.conversation) }
        let logs = grouped.keys.sorted { ($0.session, $0.conversation) < ($1.session, $1.conversation) }.map { key in
            ConversationLog(name: key.conversation == 0 ? "session \(key.session)" : "session \(key.session) #\(key.conversation)",
                            turns: grouped[key, default: []].sorted { $0.turn < $1.turn }.map {
                                LoggedTurn(user: $0.user_text, intent: $0.intent, answer: $0.answer, policy: $0.policy,
                                           handoff: $0.handoff, reason: $0.reason)
                            })
        }
        return (logs, cases.sorted { $0.requestedAt < $1.requestedAt })
    }

    private struct SessionKey: Hashable {
        var session: String
        var conversation: Int
    }
}
