import ChatCore
import ChatEngine
import Dialogue
import Foundation
import Logging
import PostgresNIO
import Privacy
import SessionStorage
import Synchronization

/// `--store postgres://…`: sessions, turns and the hand-off queue in PostgreSQL, shared by any
/// number of servers (``SharedSessionStore``).
///
/// Each save is one SQL statement, so one round trip and one transaction: the sessions' new
/// states, written only where the stored `version` is still the one read (`UPDATE … WHERE
/// version = $read`; a new session `INSERT … ON CONFLICT DO NOTHING`) — a session another
/// server wrote meanwhile is left out and reported; the turns, cases and agent messages of the
/// sessions not in conflict; and one `pg_notify` per session on channel `kefu_session`,
/// delivered to the other servers at commit. Rows go in as one JSON array a table
/// (`jsonb_to_recordset`), so a batch of any size costs the same.
///
/// The pool (postgres-nio's `PostgresClient`) reconnects by itself after PostgreSQL restarts;
/// a save or read while it is away fails with `StoreError` (the lines get `store_failed`),
/// and nothing of a failed transaction is kept. What it writes is masked as the SQLite store's is.
public final class PostgresSessionStore: SharedSessionStore {
    public let address: PostgresAddress
    /// Masks personal data in everything written (the bot's `privacy` setting).
    public let mask: PrivacyMask
    /// Tells this server's notifications from the others'.
    public let instance: String
    private let client: PostgresClient
    private let logger: Logger
    private let runner: Task<Void, Never>
    private let listeners = Mutex<[Int: AsyncStream<StoreChange>.Continuation]>([:])
    private let listening = Mutex<Task<Void, Never>?>(nil)
    static let channel = "kefu_session"
    /// pg_notify refuses payloads of 8000 bytes or more; longer session names are not announced.
    static let payloadLimit = 7_900

    /// Connects (a probe first, so a wrong address is told at once), brings the schema up to
    /// date and keeps a fixed pool of `connections` (one of them listens once ``changes()`` is
    /// asked for) until ``close()``.
    public static func open(_ address: PostgresAddress, mask: PrivacyMask = PrivacyMask(), connections: Int = 10,
                            logger: Logger = Logger(label: "kefu.store")) async throws(StoreError) -> PostgresSessionStore {
        try await address.probe(logger: logger)
        var configuration = address.configuration
        // A fixed pool, no timers: postgres-nio's pool starts a task for every idle-timeout and
        // keep-alive timer, and those outlive the connection's next lease — heaptrack counted 40,000
        // alive after 20,000 stdio sessions, and RSS grew to 198 MB over 1,000,000 (flat without).
        configuration.options.minimumConnections = connections
        configuration.options.maximumConnections = connections
        configuration.options.keepAliveBehavior = nil
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        // A lease before run() has begun logs a warning at every start; wait until the runner is under way.
        let (started, signalStart) = AsyncStream.makeStream(of: Void.self)
        let runner = Task {
            signalStart.finish()
            await client.run()
        }
        for await _ in started {}
        do {
            try await PostgresSchema.migrate(client, address: address, logger: logger)
        } catch {
            runner.cancel()
            throw error
        }
        return PostgresSessionStore(address: address, mask: mask, client: client, logger: logger, runner: runner)
    }

    private init(address: PostgresAddress, mask: PrivacyMask, client: PostgresClient, logger: Logger, runner: Task<Void, Never>) {
        self.address = address
        self.mask = mask
        self.client = client
        self.logger = logger
        self.runner = runner
        instance = String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    /// Closes the pool; ends every ``changes()`` stream.
    public func close() {
        listening.withLock { $0?.cancel() }
        for listener in listeners.withLock({ $0.values }) { listener.finish() }
        runner.cancel()
    }

    deinit { runner.cancel() }

    // MARK: - Reading

    public func load(_ session: String) async throws(StoreError) -> StoredSession? {
        try await onConnection("read session '\(session.prefix(64))' from") { [self] connection in
            for try await (state, conversation, version, updatedAt) in try await connection.execute(LoadSession(id: session), logger: logger) {
                return StoredSession(stateJSON: state, conversation: conversation, version: version, updatedAt: updatedAt)
            }
            return nil
        }
    }

    public func openHandoffs() async throws(StoreError) -> [HandoffCase] {
        try await onConnection("read the hand-off queue from") { [self] connection in
            try await Self.cases(connection.query("""
                SELECT \(unescaped: Self.caseColumns) FROM handoff WHERE status IN ('waiting', 'claimed') ORDER BY requested_at, session
                """, logger: logger))
        }
    }

    public func openHandoff(of session: String) async throws(StoreError) -> HandoffCase? {
        try await onConnection("read the hand-off queue from") { [self] connection in
            try await Self.cases(connection.query("""
                SELECT \(unescaped: Self.caseColumns) FROM handoff WHERE session = \(session) AND status IN ('waiting', 'claimed')
                ORDER BY requested_at
                """, logger: logger)).last
        }
    }

    public func conversation(_ session: String, _ conversation: Int) async throws(StoreError) -> StoredConversation {
        try await onConnection("read session '\(session.prefix(64))' from") { [self] connection in
            var stored = StoredConversation()
            let turns = try await connection.query("""
                SELECT turn, time, user_text, reply_text FROM turn WHERE session = \(session) AND conversation = \(conversation)
                ORDER BY turn, id
                """, logger: logger)
            for try await (turn, time, user, reply) in turns.decode((Int, Double, String, String).self) {
                stored.turns.append(StoredConversation.Turn(turn: turn, time: time, user: user, reply: reply))
            }
            let messages = try await connection.query("""
                SELECT after_turn, time, agent, text FROM agent_message WHERE session = \(session) AND conversation = \(conversation)
                ORDER BY after_turn, id
                """, logger: logger)
            for try await (after, time, agent, text) in messages.decode((Int, Double, String, String).self) {
                stored.agentMessages.append(AgentMessage(session: session, conversation: conversation, afterTurn: after,
                                                         time: time, agent: agent, text: text))
            }
            return stored
        }
    }

    static let caseColumns = names(caseColumnTypes)

    private static func cases(_ rows: PostgresRowSequence) async throws -> [HandoffCase] {
        var cases: [HandoffCase] = []
        for try await row in rows {
            let (session, conversation, turn, reason, cue, requested, status, agent, claimed, firstReply, ended) = try row.decode(
                (String, Int, Int, String, String?, Double, String, String?, Double?, Double?, Double?).self)
            cases.append(HandoffCase(
                session: session, conversation: conversation, turn: turn,
                reason: HandoffReason(HandoffReason.Kind(rawValue: reason) ?? .asked, cue: cue), requestedAt: requested,
                status: HandoffCase.Status(rawValue: status) ?? .waiting, agent: agent, claimedAt: claimed,
                firstReplyAt: firstReply, endedAt: ended))
        }
        return cases
    }

    // MARK: - Writing

    public func save(_ batch: StoreBatch) async throws(StoreError) -> Set<String> {
        guard !batch.isEmpty else { return [] }
        let now = Date().timeIntervalSince1970
        let rows: BatchRows
        do {
            rows = try BatchRows(batch, mask: mask)
        } catch {
            throw StoreError("cannot write to the store \(address): \(error)")
        }
        let announced = Self.announcements(of: batch, from: instance)
        let ids = batch.sessions.map(\.session)
        return try await onConnection("write to") { [self] connection in
            // One prepared statement: one round trip, its own transaction, no parse or plan.
            let result = try await connection.execute(
                SaveBatch(now: now, rows: rows, sessions: ids, announced: announced), logger: logger)
            var conflicts: Set<String> = []
            for try await conflicted in result { conflicts = Set(conflicted) }
            return conflicts
        }
    }

    public func prune(before time: Double) async throws(StoreError) -> Int {
        try await run("prune") {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("CREATE TEMP TABLE pruned ON COMMIT DROP AS SELECT id FROM session WHERE updated_at < \(time)",
                                           logger: logger)
                for table in ["turn", "handoff", "agent_message"] {
                    try await connection.query("DELETE FROM \(unescaped: table) WHERE session IN (SELECT id FROM pruned)", logger: logger)
                }
                var count = 0
                let deleted = try await connection.query("""
                    WITH gone AS (DELETE FROM session WHERE id IN (SELECT id FROM pruned) RETURNING 1) SELECT count(*) FROM gone
                    """, logger: logger)
                for try await value in deleted.decode(Int.self) { count = value }
                return count
            }
        }
    }

    public func export(_ body: (StoreRecord) throws -> Void) async throws(StoreError) {
        try await run("export") {
            let sessions = try await client.query("""
                SELECT id, conversation, turns, state::text, version, updated_at FROM session ORDER BY updated_at, id
                """, logger: logger)
            for try await (id, conversation, turns, state, version, updated) in sessions.decode((String, Int, Int, String, Int64, Double).self) {
                try body(.session(.init(id: id, conversation: conversation, turns: turns, state: Self.canonical(state), version: version,
                                        updated_at: updated)))
            }
            let turns = try await client.query("""
                SELECT session, conversation, turn, time, user_text, reply_text, intent, confidence, answer, answer_confidence,
                policy, handoff, reason FROM turn ORDER BY id
                """, logger: logger)
            for try await row in turns {
                let (session, conversation, turn, time, user, reply, intent, confidence, answer, answerConfidence, policy, handoff, reason) =
                    try row.decode((String, Int, Int, Double, String, String, String?, Double?, String?, Double?, String, Bool, String).self)
                try body(.turn(.init(session: session, conversation: conversation, turn: turn, time: time, user_text: user, reply_text: reply,
                                     intent: intent, confidence: confidence, answer: answer, answer_confidence: answerConfidence,
                                     policy: policy, handoff: handoff, reason: reason)))
            }
            for item in try await Self.cases(client.query("SELECT \(unescaped: Self.caseColumns) FROM handoff ORDER BY requested_at, session",
                                                     logger: logger)) {
                try body(.handoff(.init(item)))
            }
            let messages = try await client.query("""
                SELECT session, conversation, after_turn, time, agent, text FROM agent_message ORDER BY id
                """, logger: logger)
            for try await (session, conversation, after, time, agent, text) in messages.decode((String, Int, Int, Double, String, String).self) {
                try body(.agentMessage(.init(AgentMessage(session: session, conversation: conversation, afterTurn: after, time: time,
                                                          agent: agent, text: text))))
            }
        }
    }

    /// A state as the SQLite store writes it (sorted keys, no spaces); PostgreSQL's jsonb keeps
    /// its own order and spacing. A state this kefu cannot read is left as it is.
    static func canonical(_ state: String) -> String {
        guard let decoded = try? JSONDecoder().decode(DialogueState.self, from: Data(state.utf8)) else { return state }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(decoded)).map { String(decoding: $0, as: UTF8.self) } ?? state
    }

    public func importRecords(_ records: [StoreRecord]) async throws(StoreError) {
        let encoder = JSONEncoder()
        func json<Row: Encodable>(_ rows: [Row]) throws -> String { String(decoding: try encoder.encode(rows), as: UTF8.self) }
        var sessions: [StoreRecord.SessionRow] = []
        var turns: [StoreRecord.TurnRow] = []
        var cases: [StoreRecord.HandoffRow] = []
        var messages: [StoreRecord.AgentMessageRow] = []
        for record in records {
            switch record {
            case .session(let row): sessions.append(row)
            case .turn(let row): turns.append(row)
            case .handoff(let row): cases.append(row)
            case .agentMessage(let row): messages.append(row)
            }
        }
        try await run("import into") {
            try await client.withTransaction(logger: logger) { connection in
                if !sessions.isEmpty {
                    try await connection.query("""
                        INSERT INTO session (id, conversation, turns, state, version, updated_at)
                        SELECT id, conversation, turns, state::jsonb, version, updated_at FROM jsonb_to_recordset(\(try json(sessions))::jsonb)
                        AS u(id text, conversation int, turns int, state text, version bigint, updated_at double precision)
                        ON CONFLICT (id) DO UPDATE SET conversation = excluded.conversation, turns = excluded.turns,
                        state = excluded.state, version = excluded.version, updated_at = excluded.updated_at
                        """, logger: logger)
                }
                if !turns.isEmpty { try await insertTurns(try json(turns), on: connection) }
                if !cases.isEmpty { try await upsertCases(try json(cases), on: connection) }
                if !messages.isEmpty { try await insertMessages(try json(messages), on: connection) }
            }
        }
    }

    // MARK: - Statements shared by save and import

    typealias Columns = [(name: String, type: String)]
    static let turnColumns: Columns = [
        ("session", "text"), ("conversation", "int"), ("turn", "int"), ("time", "double precision"), ("user_text", "text"),
        ("reply_text", "text"), ("intent", "text"), ("confidence", "double precision"), ("answer", "text"),
        ("answer_confidence", "double precision"), ("policy", "text"), ("handoff", "boolean"), ("reason", "text"),
    ]
    static let caseColumnTypes: Columns = [
        ("session", "text"), ("conversation", "int"), ("turn", "int"), ("reason", "text"), ("cue", "text"),
        ("requested_at", "double precision"), ("status", "text"), ("agent", "text"), ("claimed_at", "double precision"),
        ("first_reply_at", "double precision"), ("ended_at", "double precision"),
    ]
    static let messageColumns: Columns = [
        ("session", "text"), ("conversation", "int"), ("after_turn", "int"), ("time", "double precision"), ("agent", "text"),
        ("text", "text"),
    ]
    static func names(_ columns: Columns) -> String { columns.map(\.name).joined(separator: ", ") }
    static func definition(_ columns: Columns) -> String { columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ") }
    static let turnInsert = "INSERT INTO turn (\(names(turnColumns)))"
    static let messageInsert = "INSERT INTO agent_message (\(names(messageColumns)))"
    static let caseUpsert = """
        ON CONFLICT (session, conversation, turn) DO UPDATE SET status = excluded.status, agent = excluded.agent,
        claimed_at = excluded.claimed_at, first_reply_at = excluded.first_reply_at, ended_at = excluded.ended_at
        """

    private func insertTurns(_ json: String, on connection: PostgresConnection) async throws {
        try await connection.query("""
            \(unescaped: Self.turnInsert) SELECT * FROM jsonb_to_recordset(\(json)::jsonb) AS t(\(unescaped: Self.definition(Self.turnColumns)))
            """, logger: logger)
    }

    private func upsertCases(_ json: String, on connection: PostgresConnection) async throws {
        try await connection.query("""
            INSERT INTO handoff (\(unescaped: Self.caseColumns))
            SELECT * FROM jsonb_to_recordset(\(json)::jsonb) AS h(\(unescaped: Self.definition(Self.caseColumnTypes)))
            \(unescaped: Self.caseUpsert)
            """, logger: logger)
    }

    private func insertMessages(_ json: String, on connection: PostgresConnection) async throws {
        try await connection.query("""
            \(unescaped: Self.messageInsert) SELECT * FROM jsonb_to_recordset(\(json)::jsonb) AS m(\(unescaped: Self.definition(Self.messageColumns)))
            """, logger: logger)
    }

    /// One `pg_notify` payload a session in the batch: `INSTANCE KIND SESSION`, KIND `h` when its
    /// case changed, `t` otherwise (sent only for the sessions written).
    static func announcements(of batch: StoreBatch, from instance: String) -> [(session: String, payload: String)] {
        let cased = Set(batch.handoffs.map(\.session))
        var seen: Set<String> = []
        var announced: [(session: String, payload: String)] = []
        for session in batch.sessions.map(\.session) + batch.handoffs.map(\.session) + batch.agentMessages.map(\.session)
        where seen.insert(session).inserted && session.utf8.count < payloadLimit {
            announced.append((session, "\(instance) \(cased.contains(session) ? "h" : "t") \(session)"))
        }
        return announced
    }

    // MARK: - Listening

    public func changes() -> AsyncStream<StoreChange> {
        let (stream, continuation) = AsyncStream.makeStream(of: StoreChange.self, bufferingPolicy: .bufferingNewest(65_536))
        let id = Int.random(in: 0...Int.max)
        listeners.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in self?.listeners.withLock { _ = $0.removeValue(forKey: id) } }
        startListening()
        return stream
    }

    /// One connection LISTENs on `kefu_session` for as long as the store is open, again after
    /// every lost connection (a second's pause between tries).
    private func startListening() {
        listening.withLock { task in
            guard task == nil else { return }
            task = Task { [self] in   // ended by close()
                while !Task.isCancelled {
                    do {
                        try await client.withConnection { connection in
                            try await connection.listen(on: Self.channel) { notifications in
                                for try await notification in notifications {
                                    guard let change = Self.change(from: notification.payload, notMine: instance) else { continue }
                                    for listener in self.listeners.withLock({ $0.values }) { listener.yield(change) }
                                }
                            }
                        }
                    } catch {
                        logger.warning("kefu store: lost the notification connection: \(PostgresFailure.message(error)); trying again")
                    }
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
    }

    /// The change a payload announces, unless this server wrote it.
    static func change(from payload: String, notMine instance: String) -> StoreChange? {
        let parts = payload.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] != instance else { return nil }
        return StoreChange(session: String(parts[2]), handoff: parts[1] == "h")
    }

    // MARK: - Connections and failures

    /// How long a read or write waits for a pooled connection (PostgreSQL away or restarting)
    /// before it fails; a query already running is never cut short.
    static let connectionWait: Duration = .seconds(5)

    /// `body` on one pooled connection, waiting at most ``connectionWait`` for it.
    private func onConnection<Value: Sendable>(
        _ action: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws(StoreError) -> Value {
        try await run(action) {
            let leased = LeaseFlag()
            return try await withThrowingTaskGroup(of: LeaseOutcome<Value>.self) { group in
                group.addTask {
                    .done(try await self.client.withConnection { connection in
                        leased.set()
                        return try await body(connection)
                    })
                }
                group.addTask {
                    try await Task.sleep(for: Self.connectionWait)
                    return .waited
                }
                while let outcome = try await group.next() {
                    switch outcome {
                    case .done(let value):
                        group.cancelAll()
                        return value
                    case .waited where !leased.isSet:
                        group.cancelAll()
                        throw StoreError("cannot \(action) the store \(address): no connection within \(Self.connectionWait) "
                                         + "(is PostgreSQL running?)")
                    case .waited:
                        continue
                    }
                }
                throw CancellationError()
            }
        }
    }

    // MARK: - Failures

    private func run<Value>(_ action: String, _ body: () async throws -> Value) async throws(StoreError) -> Value {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch {
            let lostCommit = (error as? PostgresTransactionError).map { $0.commitError != nil } ?? false
            throw StoreError("cannot \(action) the store \(address): \(PostgresFailure.message(error))", nothingChanged: !lostCommit)
        }
    }
}

/// A batch as the JSON arrays `jsonb_to_recordset` reads (nil for an empty table).
struct BatchRows {
    var existingSessions: String?
    var newSessions: String?
    var turns: String?
    var handoffs: String?
    var agentMessages: String?

    struct SessionRow: Encodable {
        var id: String
        var conversation: Int
        var turns: Int
        var state: DialogueState
        var version: Int64
    }

    init(_ batch: StoreBatch, mask: PrivacyMask) throws {
        let encoder = JSONEncoder()
        func json<Row: Encodable>(_ rows: [Row]) throws -> String? {
            rows.isEmpty ? nil : String(decoding: try encoder.encode(rows), as: UTF8.self)
        }
        let sessions = batch.sessions.map {
            SessionRow(id: $0.session, conversation: $0.stored.conversation, turns: $0.stored.state.turns,
                       state: $0.stored.state.masked(by: mask), version: $0.stored.version)
        }
        existingSessions = try json(sessions.filter { $0.version > 0 })
        newSessions = try json(sessions.filter { $0.version == 0 })
        turns = try json(batch.turns.map { turn in
            let reply = turn.reply
            return StoreRecord.TurnRow(session: turn.session, conversation: turn.conversation, turn: turn.turn, time: turn.time,
                           user_text: mask.mask(turn.text), reply_text: mask.mask(reply.text), intent: reply.intent,
                           confidence: reply.intentConfidence, answer: reply.answer?.id, answer_confidence: reply.answer?.confidence,
                           policy: reply.policy.rawValue, handoff: reply.handoff, reason: mask.mask(reply.reason))
        })
        handoffs = try json(batch.handoffs.map {
            var row = StoreRecord.HandoffRow($0)
            row.cue = row.cue.map(mask.mask)
            return row
        })
        agentMessages = try json(batch.agentMessages.map {
            var row = StoreRecord.AgentMessageRow($0)
            row.text = mask.mask(row.text)
            return row
        })
    }
}

/// What came first while a store operation waited for its connection.
private enum LeaseOutcome<Value: Sendable>: Sendable {
    case done(Value)
    case waited
}

/// Set once the operation has its connection (the wait's timer then no longer counts).
private final class LeaseFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
