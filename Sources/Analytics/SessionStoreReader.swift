import GRDB

/// Reads the conversations of a session store written by `kefu serve --stdio --store FILE`, read
/// only, so a server may keep writing while `kefu stats` reads.
///
/// Each stored session is cut into its conversations (the `conversation` column counts the
/// `reset` commands before a turn), each conversation's turns in order.
public enum SessionStoreReader {
    /// The first 16 bytes of every SQLite database file.
    public static let header: [UInt8] = Array("SQLite format 3\u{0}".utf8)

    /// The hand-off cases in the store at `path` (none in a store without a `handoff` table,
    /// one written before schema version 2).
    public static func handoffs(inStore path: String) throws(AnalyticsError) -> [HandoffRecord] {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let database = try DatabaseQueue(path: path, configuration: configuration)
            return try database.read { db in
                guard try db.tableExists("handoff") else { return [] }
                return try Row.fetchAll(db, sql: "SELECT reason, status, requested_at, first_reply_at FROM handoff ORDER BY requested_at")
                    .map { HandoffRecord(reason: $0["reason"], status: $0["status"], requestedAt: $0["requested_at"], firstReplyAt: $0["first_reply_at"]) }
            }
        } catch {
            throw AnalyticsError("cannot read the hand-off cases of '\(path)': \(error)")
        }
    }

    /// The conversations in the store at `path`, ordered by session and conversation.
    /// - Throws: `AnalyticsError` when the file cannot be opened or has no kefu `turn` table.
    public static func conversations(inStore path: String) throws(AnalyticsError) -> [ConversationLog] {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "kefu.analytics"
        do {
            let database = try DatabaseQueue(path: path, configuration: configuration)
            return try database.read { db in
                guard try db.tableExists("turn") else {
                    throw AnalyticsError("'\(path)' is an SQLite database but not a kefu session store (no turn table); give a store written by kefu serve --stdio --store")
                }
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT session, conversation, user_text, intent, answer, policy, handoff, reason
                    FROM turn ORDER BY session, conversation, turn, id
                    """)
                var logs: [ConversationLog] = []
                var key: (String, Int)? = nil
                while let row = try rows.next() {
                    let session: String = row["session"]
                    let conversation: Int = row["conversation"]
                    if key.map({ $0 != session || $1 != conversation }) ?? true {
                        key = (session, conversation)
                        logs.append(ConversationLog(name: conversation == 0 ? "session \(session)" : "session \(session) #\(conversation)", turns: []))
                    }
                    logs[logs.count - 1].turns.append(LoggedTurn(
                        user: row["user_text"], intent: row["intent"], answer: row["answer"], policy: row["policy"],
                        handoff: row["handoff"], reason: row["reason"] ?? ""))
                }
                return logs
            }
        } catch let error as AnalyticsError {
            throw error
        } catch let error as DatabaseError {
            throw AnalyticsError("cannot read the session store '\(path)': \(error.message ?? "\(error.resultCode)"); give a store written by kefu serve --stdio --store")
        } catch {
            throw AnalyticsError("cannot read the session store '\(path)': \(error)")
        }
    }
}
