import GRDB

/// The tables of a session store and how a store file is brought up to date.
///
/// Version 1:
///
/// ```sql
/// session(id TEXT PRIMARY KEY, conversation INTEGER, turns INTEGER, state TEXT, updated_at REAL)
///   -- state: the DialogueState as JSON; conversation: resets so far
/// turn(id INTEGER PRIMARY KEY, session TEXT, conversation INTEGER, turn INTEGER, time REAL,
///      user_text TEXT, reply_text TEXT, intent TEXT, confidence REAL, answer TEXT,
///      answer_confidence REAL, policy TEXT, handoff INTEGER, reason TEXT)
///   -- one row per answered line; time in seconds since 1970 UTC; index on (session, conversation, turn)
/// ```
///
/// Version 2 adds the human side (``HandoffCase``, ``AgentMessage``):
///
/// ```sql
/// handoff(session TEXT, conversation INTEGER, turn INTEGER, reason TEXT, cue TEXT, requested_at REAL,
///         status TEXT, agent TEXT, claimed_at REAL, first_reply_at REAL, ended_at REAL)
///   -- primary key (session, conversation, turn); status waiting|claimed|released|closed
/// agent_message(id INTEGER PRIMARY KEY, session TEXT, conversation INTEGER, after_turn INTEGER,
///               time REAL, agent TEXT, text TEXT)
/// ```
///
/// Version 3 adds `session.version` (how many times the session was written: a save expects the
/// version it read) and an index on `session.updated_at` for `kefu store prune`.
///
/// The version is `PRAGMA user_version`; a kefu store also sets `PRAGMA application_id` to
/// 0x4B656675 ("Kefu"), so any other SQLite file is refused rather than written into. A later
/// version adds a step to ``migrations``; a store from a newer kefu is refused.
enum StoreSchema {
    static let applicationID = 0x4B65_6675
    static var currentVersion: Int { migrations.count }

    /// The SQL that takes a store from version `index` to `index + 1`.
    static let migrations: [String] = [
        """
        CREATE TABLE session (
            id TEXT PRIMARY KEY NOT NULL,
            conversation INTEGER NOT NULL,
            turns INTEGER NOT NULL,
            state TEXT NOT NULL,
            updated_at REAL NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE turn (
            id INTEGER PRIMARY KEY,
            session TEXT NOT NULL,
            conversation INTEGER NOT NULL,
            turn INTEGER NOT NULL,
            time REAL NOT NULL,
            user_text TEXT NOT NULL,
            reply_text TEXT NOT NULL,
            intent TEXT,
            confidence REAL,
            answer TEXT,
            answer_confidence REAL,
            policy TEXT NOT NULL,
            handoff INTEGER NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX turn_by_session ON turn (session, conversation, turn);
        """,
        """
        CREATE TABLE handoff (
            session TEXT NOT NULL,
            conversation INTEGER NOT NULL,
            turn INTEGER NOT NULL,
            reason TEXT NOT NULL,
            cue TEXT,
            requested_at REAL NOT NULL,
            status TEXT NOT NULL,
            agent TEXT,
            claimed_at REAL,
            first_reply_at REAL,
            ended_at REAL,
            PRIMARY KEY (session, conversation, turn)
        ) WITHOUT ROWID;
        CREATE INDEX handoff_open ON handoff (status, requested_at);
        CREATE TABLE agent_message (
            id INTEGER PRIMARY KEY,
            session TEXT NOT NULL,
            conversation INTEGER NOT NULL,
            after_turn INTEGER NOT NULL,
            time REAL NOT NULL,
            agent TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX agent_message_by_session ON agent_message (session, conversation, after_turn);
        """,
        """
        ALTER TABLE session ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX session_by_age ON session (updated_at);
        """,
    ]

    /// Checks that `db` is empty or a kefu store no newer than this code, and applies the missing steps.
    static func migrate(_ db: Database, path: String) throws {
        let version = try check(db, path: path)
        guard version < currentVersion else { return }
        try db.inTransaction {
            for step in migrations[version...] { try db.execute(sql: step) }
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = \(currentVersion)")
            return .commit
        }
    }

    /// Checks that `db` is empty or a kefu store no newer than this code; returns its version.
    @discardableResult
    static func check(_ db: Database, path: String) throws -> Int {
        let application = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if application != applicationID {
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            guard application == 0, version == 0, tables == 0 else {
                throw StoreError("'\(path)' is an SQLite database but not a kefu session store; give --store a new file or a kefu store")
            }
        }
        guard version <= currentVersion else {
            throw StoreError("the store '\(path)' has schema version \(version), newer than this kefu knows (\(currentVersion)); use a newer kefu")
        }
        return version
    }
}
