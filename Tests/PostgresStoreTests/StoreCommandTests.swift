import ChatCore
import Foundation
import KefuTestSupport
import PostgresStore
import SessionStorage
import Testing

/// `kefu store prune`, `export` and `import`, and `kefu stats --store postgres://…`, as a user runs them.
@Suite struct StoreCommandTests {
    /// An SQLite store with two sessions, one of them handed off.
    static func sqliteStore(in directory: ScratchDirectory) async throws -> String {
        let path = directory.path("shop.db")
        let store = try SQLiteSessionStore(path: path)
        var batch = StoreBatch()
        let reply = Reply(text: "好的，正在为您转接人工客服", understood: IntentScore(name: "human_agent", confidence: 0.9),
                          handoff: true, policy: .intentReply, reason: "test")
        batch.sessions = [("a", StoredSession()), ("b", StoredSession())]
        batch.turns = [TurnRecord(session: "a", conversation: 0, turn: 1, time: 1_000, text: "转人工", reply: reply),
                       TurnRecord(session: "b", conversation: 0, turn: 1, time: 1_001, text: "我的订单到哪了", reply: reply)]
        batch.handoffs = [HandoffCase(session: "a", conversation: 0, turn: 1, reason: HandoffReason(.asked), requestedAt: 1_000)]
        _ = try await store.save(batch)
        return path
    }

    @Test func pruneDeletesOnlyOldSessionsAndRefusesABadSpan() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = try await Self.sqliteStore(in: directory)
        let kept = try Kefu.run(["store", "prune", "--store", path, "--older-than", "1d"], input: "")
        #expect(kept.status == 0, "\(kept.error)")
        #expect(kept.text == "store \(path): 0 sessions older than 1d deleted\n")
        let bad = try Kefu.run(["store", "prune", "--store", path, "--older-than", "soon"], input: "")
        #expect(bad.status != 0)
        #expect(bad.error.contains("not a span"))
        try await Task.sleep(for: .milliseconds(1_100))
        let gone = try Kefu.run(["store", "prune", "--store", path, "--older-than", "1s"], input: "")
        #expect(gone.text == "store \(path): 2 sessions older than 1s deleted\n")
    }

    @Test func anImportWithAMalformedLineNamesItAndImportsNothing() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = try await Self.sqliteStore(in: directory)
        let exported = try Kefu.run(["store", "export", "--store", path, "--format", "jsonl"], input: "")
        #expect(exported.status == 0, "\(exported.error)")
        var lines = exported.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)   // 2 sessions, 2 turns, 1 case
        #expect(lines.first?.hasPrefix(#"{"conversation":0,"id":"a""#) == true)
        lines.insert(#"{"table":"turn","session":"x"}"#, at: 2)
        let file = try directory.write("rows.jsonl", Array(lines.joined(separator: "\n").utf8))
        let target = directory.path("target.db")
        let failed = try Kefu.run(["store", "import", "--store", target, file], input: "")
        #expect(failed.status != 0)
        #expect(failed.error.contains("rows.jsonl:3:"))
        #expect(failed.error.contains("nothing was imported"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    /// SQLite → PostgreSQL → SQLite through export and import; stats reads the PostgreSQL store as it reads the file.
    @Test(.enabled(if: TestPostgres.enabled, "needs the tests' PostgreSQL (scripts/test-postgres.sh)"))
    func aStoreMovesBetweenSQLiteAndPostgreSQL() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = try await Self.sqliteStore(in: directory)
        let exported = try Kefu.run(["store", "export", "--store", path], input: "")
        try await TestPostgres.withFreshDatabase { address in
            let url = "postgres://\(address.user)@\(address.host):\(address.port)/\(address.database)?sslmode=disable"
            let imported = try Kefu.run(["store", "import", "--store", url, "-"], input: exported.text)
            #expect(imported.status == 0, "\(imported.error)")
            #expect(imported.text.hasSuffix(": 5 rows imported\n"))
            let back = try Kefu.run(["store", "export", "--store", url], input: "")
            #expect(back.text == exported.text)
            let fromFile = try Kefu.run(["stats", path, "--json"], input: "")
            let fromDatabase = try Kefu.run(["stats", "--store", url, "--json"], input: "")
            #expect(fromDatabase.status == 0, "\(fromDatabase.error)")
            #expect(fromDatabase.text == fromFile.text)
        }
    }
}
