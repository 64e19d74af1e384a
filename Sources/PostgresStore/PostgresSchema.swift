import Logging
import PostgresNIO
import SessionStorage

/// The tables of a PostgreSQL store and how a database is brought up to date: ordered SQL steps,
/// the versions applied recorded in `kefu_schema`, applied in one transaction under an advisory
/// lock, so several servers starting at once apply each step exactly once.
///
/// Version 1 (what the SQLite store holds at its version 2, plus `session.version`, bumped by
/// every write, against which a server checks the state it read):
///
/// ```sql
/// session(id text PRIMARY KEY, conversation int, turns int, state jsonb, version bigint, updated_at double precision)
/// turn(id bigserial PRIMARY KEY, session, conversation, turn, time, user_text, reply_text, intent, confidence,
///      answer, answer_confidence, policy, handoff boolean, reason)          -- index (session, conversation, turn)
/// handoff(session, conversation, turn, reason, cue, requested_at, status, agent, claimed_at, first_reply_at, ended_at)
///      -- primary key (session, conversation, turn); index (status, requested_at)
/// agent_message(id bigserial PRIMARY KEY, session, conversation, after_turn, time, agent, text)
/// ```
///
/// Version 2 adds an index on `session.updated_at` for `kefu store prune`.
public enum PostgresSchema {
    /// The SQL that takes a database from version `index` to `index + 1`.
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE session (
                id text PRIMARY KEY,
                conversation integer NOT NULL,
                turns integer NOT NULL,
                state jsonb NOT NULL,
                version bigint NOT NULL,
                updated_at double precision NOT NULL
            )
            """,
            """
            CREATE TABLE turn (
                id bigserial PRIMARY KEY,
                session text NOT NULL,
                conversation integer NOT NULL,
                turn integer NOT NULL,
                time double precision NOT NULL,
                user_text text NOT NULL,
                reply_text text NOT NULL,
                intent text,
                confidence double precision,
                answer text,
                answer_confidence double precision,
                policy text NOT NULL,
                handoff boolean NOT NULL,
                reason text NOT NULL
            )
            """,
            "CREATE INDEX turn_by_session ON turn (session, conversation, turn)",
            """
            CREATE TABLE handoff (
                session text NOT NULL,
                conversation integer NOT NULL,
                turn integer NOT NULL,
                reason text NOT NULL,
                cue text,
                requested_at double precision NOT NULL,
                status text NOT NULL,
                agent text,
                claimed_at double precision,
                first_reply_at double precision,
                ended_at double precision,
                PRIMARY KEY (session, conversation, turn)
            )
            """,
            "CREATE INDEX handoff_open ON handoff (status, requested_at)",
            """
            CREATE TABLE agent_message (
                id bigserial PRIMARY KEY,
                session text NOT NULL,
                conversation integer NOT NULL,
                after_turn integer NOT NULL,
                time double precision NOT NULL,
                agent text NOT NULL,
                text text NOT NULL
            )
            """,
            "CREATE INDEX agent_message_by_session ON agent_message (session, conversation, after_turn)",
        ],
        ["CREATE INDEX session_by_age ON session (updated_at)"],
    ]

    public static var currentVersion: Int { migrations.count }

    /// The advisory lock key that serialises migrations ("Kefu").
    static let lockKey: Int64 = 0x4B65_6675

    /// Applies the missing steps; returns the version the database was at before.
    /// - Throws: `StoreError` for a database from a newer kefu, or one that cannot be reached or changed.
    @discardableResult
    public static func migrate(_ client: PostgresClient, address: PostgresAddress, logger: Logger) async throws(StoreError) -> Int {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS kefu_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
                var version = 0
                for try await (applied) in try await connection.query("SELECT coalesce(max(version), 0) FROM kefu_schema", logger: logger)
                    .decode(Int.self) {
                    version = applied
                }
                guard version <= currentVersion else {
                    throw StoreError("the store \(address) has schema version \(version), newer than this kefu knows (\(currentVersion)); use a newer kefu")
                }
                for step in version..<currentVersion {
                    for statement in migrations[step] {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("INSERT INTO kefu_schema (version) VALUES (\(step + 1))", logger: logger)
                }
                return version
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("cannot bring the store \(address) up to date: \(PostgresFailure.message(error))")
        }
    }
}

/// PostgreSQL's own words for a failure (`relation "turn" does not exist`, `connection refused`).
enum PostgresFailure {
    static func message(_ error: any Error) -> String {
        if let error = error as? PostgresTransactionError {
            if let failure = error.beginError ?? error.closureError { return message(failure) }
            if let failure = error.commitError { return "lost the connection while committing: \(message(failure))" }
            return "the transaction failed"
        }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return message(underlying) }
            switch error.code {
            case .serverClosedConnection, .uncleanShutdown: return "PostgreSQL closed the connection"
            case .clientClosedConnection, .poolClosed: return "the connection was closed"
            case .connectionError: return "no connection could be made"
            default: return "\(error.code)"
            }
        }
        if let error = error as? PostgresError { return error.description }
        if String(describing: type(of: error)).contains("ConnectionPoolError") {
            return "no connection could be made (is PostgreSQL running at that address, and does it accept this user?)"
        }
        return "\(error)"
    }
}
