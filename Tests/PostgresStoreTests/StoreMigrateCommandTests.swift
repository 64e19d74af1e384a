import Foundation
import KefuTestSupport
import PostgresStore
import SessionStorage
import Testing

/// `kefu store migrate` on both kinds of store.
@Suite struct StoreMigrateCommandTests {
    @Test func anSQLiteFileIsCreatedThenFoundUpToDate() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path("sessions.db")
        let first = try Kefu.run(["store", "migrate", "--store", path], input: "")
        #expect(first.status == 0, "\(first.error)")
        #expect(first.text == "store \(path): schema version none (new file) → \(SQLiteSessionStore.currentSchemaVersion)\n")
        let again = try Kefu.run(["store", "migrate", "--store", path], input: "")
        #expect(again.text == "store \(path): schema version \(SQLiteSessionStore.currentSchemaVersion) → \(SQLiteSessionStore.currentSchemaVersion)\n")
        try Data("not a database at all, just text".utf8).write(to: URL(fileURLWithPath: directory.path("junk.db")))
        let junk = try Kefu.run(["store", "migrate", "--store", directory.path("junk.db")], input: "")
        #expect(junk.status == 2)
    }

    @Test func anUnreachableServerIsToldAtOnce() throws {
        let result = try Kefu.run(["store", "migrate", "--store", "postgres://kefu@127.0.0.1:1/kefu"], input: "")
        #expect(result.status == 2)
        #expect(result.error.contains("cannot connect to the store postgres://kefu@127.0.0.1:1/kefu"))
        #expect(result.error.contains("refused"))
    }

    @Test(.enabled(if: TestPostgres.enabled, "needs the tests' PostgreSQL (scripts/test-postgres.sh)"))
    func aPostgreSQLDatabaseIsMigratedOnce() async throws {
        try await TestPostgres.withFreshDatabase { address in
            var url = "postgres://\(address.user)@\(address.host):\(address.port)/\(address.database)?sslmode=disable"
            let first = try Kefu.run(["store", "migrate", "--store", url], input: "")
            #expect(first.status == 0, "\(first.error)")
            #expect(first.text == "store \(address): schema version 0 → \(PostgresSchema.currentVersion)\n")
            let again = try Kefu.run(["store", "migrate", "--store", url], input: "")
            #expect(again.text.contains("schema version \(PostgresSchema.currentVersion) → \(PostgresSchema.currentVersion)"))
            url = url.replacingOccurrences(of: address.database, with: "no_such_database")
            let missing = try Kefu.run(["store", "migrate", "--store", url], input: "")
            #expect(missing.status == 2)
            #expect(missing.error.contains("database \"no_such_database\" does not exist"))
        }
    }
}
