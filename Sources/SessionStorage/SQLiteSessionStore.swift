import ChatCore
import Dialogue
import Foundation
import ChatEngine
import GRDB
import Privacy
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `--store FILE` of `kefu serve --stdio`: sessions and their turn history in one SQLite file
/// (through GRDB), in WAL mode.
///
/// Durability: every batch of lines is one transaction, committed before any of its replies is
/// written. With `journal_mode=WAL` and `synchronous=NORMAL` a commit is an append to the WAL
/// file without an fsync: it survives the process being killed (SIGKILL, a crash) because the
/// bytes are in the kernel's page cache, though not a power cut or a kernel crash; an fsync per
/// commit (`FULL`) would cost milliseconds a batch for a guarantee a chat session does not need.
/// Checkpoints (copying the WAL back into the database file, with the only fsyncs) run on a
/// second connection on a background thread every ``checkpointInterval`` commits instead of
/// inside a commit, so no reply waits for a disk flush.
/// The file is locked (`flock`) while a server uses it, so two servers never share sessions.
///
/// Schema version 3 (`PRAGMA user_version`, `application_id` 0x4B656675 "Kefu"): see
/// ``StoreSchema``.
///
/// Privacy: what it writes goes through ``mask`` first — each turn's `user_text`, `reply_text`
/// and `reason`, and the slot values of the stored state (「13812345678」 is kept as
/// 「138****5678」). The server keeps the values as typed in memory, so a running session is not
/// affected; a session continued after a restart has the masked values in its slots. Session ids
/// are keys and are stored as the client sent them.
public final class SQLiteSessionStore: SessionStore, @unchecked Sendable {
    /// The writer and a few readers (WAL lets reads run beside a write).
    private let database: DatabasePool
    /// The connection that checkpoints, used only on `checkpoints`.
    private let checkpointer: DatabaseQueue
    private let checkpoints = DispatchQueue(label: "kefu.store.checkpoint")
    private let commitsSinceCheckpoint = Mutex(0)
    /// Commits between background checkpoints.
    public static let checkpointInterval = 100
    private let lock: Int32
    private let encoder = JSONEncoder()
    /// Masks personal data in everything written (on by default; `kefu serve` sets the bot's
    /// `engine.privacyMask`).
    public var mask: PrivacyMask

    /// Opens (or creates) the store at `path`, brings its schema up to date and locks it.
    public init(path: String, mask: PrivacyMask = PrivacyMask()) throws(StoreError) {
        self.mask = mask
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError("cannot open the store '\(path)': \(String(cString: strerror(errno))); give --store a writable file path")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw StoreError("the store '\(path)' is in use by another kefu serve; stop it or give --store another file")
        }
        lock = descriptor
        encoder.outputFormatting = [.sortedKeys]
        var configuration = Configuration()
        configuration.label = "kefu.store"
        do {
            // Refuse a file that is not a kefu store before the pool switches it to WAL.
            _ = try DatabaseQueue(path: path, configuration: configuration).inDatabase { db in try StoreSchema.check(db, path: path) }
            var pooled = configuration
            pooled.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            }
            database = try DatabasePool(path: path, configuration: pooled)
            try database.writeWithoutTransaction { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode")
                if mode?.lowercased() != "wal" { throw StoreError("cannot switch the store '\(path)' to WAL mode (it stays \(mode ?? "unknown"))") }
                try StoreSchema.migrate(db, path: path)
            }
            checkpointer = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as StoreError {
            close(descriptor)
            throw error
        } catch {
            close(descriptor)
            throw StoreError("cannot use the store '\(path)': \(Self.message(error)); give --store a new file or a kefu store")
        }
    }

    /// The schema version this kefu writes.
    public static var currentSchemaVersion: Int { StoreSchema.currentVersion }

    /// The schema version of the store file at `path` without changing it: nil when there is no
    /// such file, 0 for an empty one.
    /// - Throws: `StoreError` for a file that is not a kefu store.
    public static func schemaVersion(at path: String) throws(StoreError) -> Int? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            return try DatabaseQueue(path: path, configuration: configuration).read { db in try StoreSchema.check(db, path: path) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("cannot read the store '\(path)': \(Self.message(error))")
        }
    }

    deinit {
        checkpoints.sync {}
        close(lock)
    }

    public func load(_ session: String) async throws(StoreError) -> StoredSession? {
        do {
            // Async, as every read here: a blocking read on a Swift concurrency thread could wait
            // for a pool reader that a suspended async read holds.
            return try await database.read { db in
                try Row.fetchOne(db.cachedStatement(sql: "SELECT state, conversation, version, updated_at FROM session WHERE id = ?"),
                                 arguments: [session]).map {
                    StoredSession(stateJSON: $0["state"], conversation: $0["conversation"], version: $0["version"], updatedAt: $0["updated_at"])
                }
            }
        } catch {
            throw StoreError("cannot read session '\(session)' from the store: \(Self.message(error))")
        }
    }

    public func save(_ batch: StoreBatch) async throws(StoreError) -> Set<String> {
        guard !batch.isEmpty else { return [] }
        let now = Date().timeIntervalSince1970
        let mask = self.mask
        let states: [String]
        do {
            states = try batch.sessions.map { try String(decoding: encoder.encode($0.stored.state.masked(by: mask)), as: UTF8.self) }
        } catch {
            throw StoreError("cannot write to the store: \(error)")
        }
        let conflicts: Set<String>
        do {
            conflicts = try await database.write { db in
                var conflicts: Set<String> = []
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO session (id, conversation, turns, state, version, updated_at) VALUES (?, ?, ?, ?, 1, ?)
                    ON CONFLICT (id) DO NOTHING
                    """)
                let update = try db.cachedStatement(sql: """
                    UPDATE session SET conversation = ?, turns = ?, state = ?, version = version + 1, updated_at = ?
                    WHERE id = ? AND version = ?
                    """)
                for (entry, state) in zip(batch.sessions, states) {
                    let stored = entry.stored
                    if stored.version == 0 {
                        try insert.execute(arguments: [entry.session, stored.conversation, stored.state.turns, state, now])
                    } else {
                        try update.execute(arguments: [stored.conversation, stored.state.turns, state, now, entry.session, stored.version])
                    }
                    if db.changesCount == 0 { conflicts.insert(entry.session) }
                }
                try Self.insertHistory(of: batch.removing(conflicts), mask: mask, into: db)
                return conflicts
            }
        } catch {
            throw StoreError("cannot write to the store: \(Self.message(error))")
        }
        let checkpointDue = commitsSinceCheckpoint.withLock { count in
            count += 1
            if count < Self.checkpointInterval { return false }
            count = 0
            return true
        }
        if checkpointDue {
            let checkpointer = self.checkpointer
            checkpoints.async { _ = try? checkpointer.writeWithoutTransaction { try $0.checkpoint(.passive) } }
        }
        return conflicts
    }

    /// Writes a batch's turns, cases and agent messages (masked).
    private static func insertHistory(of batch: StoreBatch, mask: PrivacyMask, into db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO turn (session, conversation, turn, time, user_text, reply_text, intent, confidence,
            answer, answer_confidence, policy, handoff, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for turn in batch.turns {
            let reply = turn.reply
            try insert.execute(arguments: [
                turn.session, turn.conversation, turn.turn, turn.time, mask.mask(turn.text), mask.mask(reply.text),
                reply.intent, reply.intentConfidence, reply.answer?.id, reply.answer?.confidence,
                reply.policy.rawValue, reply.handoff, mask.mask(reply.reason),
            ])
        }
        if !batch.handoffs.isEmpty {
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO handoff (session, conversation, turn, reason, cue, requested_at, status, agent, claimed_at,
                first_reply_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (session, conversation, turn) DO UPDATE SET status = excluded.status, agent = excluded.agent,
                claimed_at = excluded.claimed_at, first_reply_at = excluded.first_reply_at, ended_at = excluded.ended_at
                """)
            for item in batch.handoffs {
                try upsert.execute(arguments: [
                    item.session, item.conversation, item.turn, item.reason.kind.rawValue, item.reason.cue.map(mask.mask),
                    item.requestedAt, item.status.rawValue, item.agent, item.claimedAt, item.firstReplyAt, item.endedAt,
                ])
            }
        }
        if !batch.agentMessages.isEmpty {
            let insert = try db.cachedStatement(sql: """
                INSERT INTO agent_message (session, conversation, after_turn, time, agent, text) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for message in batch.agentMessages {
                try insert.execute(arguments: [message.session, message.conversation, message.afterTurn, message.time,
                                               message.agent, mask.mask(message.text)])
            }
        }
    }

    public func openHandoffs() async throws(StoreError) -> [HandoffCase] {
        try await handoffs(where: "status IN ('waiting', 'claimed')", [])
    }

    public func openHandoff(of session: String) async throws(StoreError) -> HandoffCase? {
        try await handoffs(where: "session = ? AND status IN ('waiting', 'claimed')", [session]).last
    }

    private func handoffs(where condition: String, _ arguments: StatementArguments) async throws(StoreError) -> [HandoffCase] {
        do {
            return try await database.read { db in try Self.cases(db, where: condition, arguments) }
        } catch {
            throw StoreError("cannot read the hand-off queue from the store: \(Self.message(error))")
        }
    }

    private static func cases(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [HandoffCase] {
        try Row.fetchAll(db, sql: "SELECT * FROM handoff WHERE \(condition) ORDER BY requested_at, session", arguments: arguments).map { row in
            HandoffCase(
                session: row["session"], conversation: row["conversation"], turn: row["turn"],
                reason: HandoffReason(HandoffReason.Kind(rawValue: row["reason"]) ?? .asked, cue: row["cue"]),
                requestedAt: row["requested_at"], status: HandoffCase.Status(rawValue: row["status"]) ?? .waiting,
                agent: row["agent"], claimedAt: row["claimed_at"], firstReplyAt: row["first_reply_at"], endedAt: row["ended_at"])
        }
    }

    public func conversation(_ session: String, _ conversation: Int) async throws(StoreError) -> StoredConversation {
        do {
            return try await database.read { db in
                let turns = try Row.fetchAll(db, sql: """
                    SELECT turn, time, user_text, reply_text FROM turn WHERE session = ? AND conversation = ? ORDER BY turn, id
                    """, arguments: [session, conversation]).map {
                    StoredConversation.Turn(turn: $0["turn"], time: $0["time"], user: $0["user_text"], reply: $0["reply_text"])
                }
                let messages = try Row.fetchAll(db, sql: """
                    SELECT after_turn, time, agent, text FROM agent_message WHERE session = ? AND conversation = ? ORDER BY after_turn, id
                    """, arguments: [session, conversation]).map {
                    AgentMessage(session: session, conversation: conversation, afterTurn: $0["after_turn"], time: $0["time"],
                                 agent: $0["agent"], text: $0["text"])
                }
                return StoredConversation(turns: turns, agentMessages: messages)
            }
        } catch {
            throw StoreError("cannot read session '\(session)' from the store: \(Self.message(error))")
        }
    }

    public func prune(before time: Double) async throws(StoreError) -> Int {
        do {
            return try await database.write { db in
                try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS pruned (id TEXT PRIMARY KEY) WITHOUT ROWID")
                try db.execute(sql: "DELETE FROM pruned")
                try db.execute(sql: "INSERT INTO pruned SELECT id FROM session WHERE updated_at < ?", arguments: [time])
                for table in ["turn", "handoff", "agent_message"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE session IN (SELECT id FROM pruned)")
                }
                try db.execute(sql: "DELETE FROM session WHERE id IN (SELECT id FROM pruned)")
                let count = db.changesCount
                try db.execute(sql: "DELETE FROM pruned")
                return count
            }
        } catch {
            throw StoreError("cannot prune the store: \(Self.message(error))")
        }
    }

    public func export(_ body: (StoreRecord) throws -> Void) async throws(StoreError) {
        try exportRows(body)
    }

    /// The export as one read transaction (a consistent snapshot), rows streamed to `body`.
    private func exportRows(_ body: (StoreRecord) throws -> Void) throws(StoreError) {
        do {
            try database.read { db in
                let sessions = try Row.fetchCursor(db, sql: "SELECT id, conversation, turns, state, version, updated_at FROM session ORDER BY updated_at, id")
                while let row = try sessions.next() {
                    try body(.session(.init(id: row["id"], conversation: row["conversation"], turns: row["turns"], state: row["state"],
                                            version: row["version"], updated_at: row["updated_at"])))
                }
                let turns = try Row.fetchCursor(db, sql: "SELECT * FROM turn ORDER BY id")
                while let row = try turns.next() {
                    try body(.turn(.init(session: row["session"], conversation: row["conversation"], turn: row["turn"], time: row["time"],
                                         user_text: row["user_text"], reply_text: row["reply_text"], intent: row["intent"],
                                         confidence: row["confidence"], answer: row["answer"], answer_confidence: row["answer_confidence"],
                                         policy: row["policy"], handoff: row["handoff"], reason: row["reason"])))
                }
                for item in try Self.cases(db, where: "1", []) { try body(.handoff(.init(item))) }
                let messages = try Row.fetchCursor(db, sql: "SELECT * FROM agent_message ORDER BY id")
                while let row = try messages.next() {
                    try body(.agentMessage(.init(AgentMessage(session: row["session"], conversation: row["conversation"],
                                                              afterTurn: row["after_turn"], time: row["time"], agent: row["agent"], text: row["text"]))))
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("cannot export the store: \(Self.message(error))")
        }
    }

    public func importRecords(_ records: [StoreRecord]) async throws(StoreError) {
        do {
            try await database.write { db in
                for record in records {
                    switch record {
                    case .session(let row):
                        try db.execute(sql: """
                            INSERT OR REPLACE INTO session (id, conversation, turns, state, version, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                            """, arguments: [row.id, row.conversation, row.turns, row.state, row.version, row.updated_at])
                    case .turn(let row):
                        try db.execute(sql: """
                            INSERT INTO turn (session, conversation, turn, time, user_text, reply_text, intent, confidence,
                            answer, answer_confidence, policy, handoff, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [row.session, row.conversation, row.turn, row.time, row.user_text, row.reply_text, row.intent,
                                             row.confidence, row.answer, row.answer_confidence, row.policy, row.handoff, row.reason])
                    case .handoff(let row):
                        try db.execute(sql: """
                            INSERT OR REPLACE INTO handoff (session, conversation, turn, reason, cue, requested_at, status, agent,
                            claimed_at, first_reply_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [row.session, row.conversation, row.turn, row.reason, row.cue, row.requested_at, row.status,
                                             row.agent, row.claimed_at, row.first_reply_at, row.ended_at])
                    case .agentMessage(let row):
                        try db.execute(sql: """
                            INSERT INTO agent_message (session, conversation, after_turn, time, agent, text) VALUES (?, ?, ?, ?, ?, ?)
                            """, arguments: [row.session, row.conversation, row.after_turn, row.time, row.agent, row.text])
                    }
                }
            }
        } catch {
            throw StoreError("cannot import into the store: \(Self.message(error))")
        }
    }

    /// SQLite's own words for a failure (`disk I/O error`, `file is not a database`).
    static func message(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
