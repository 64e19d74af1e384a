import PostgresNIO
import PostgresStore
import SessionStorage
import Testing

/// Migrations against a real PostgreSQL (a fresh database per test).
@Suite(.enabled(if: TestPostgres.enabled, "needs the tests' PostgreSQL (scripts/test-postgres.sh)"))
struct PostgresSchemaTests {
    @Test func aNewDatabaseGetsEveryTableOnceAndAgainIsANoOp() async throws {
        try await TestPostgres.withFreshDatabase { address in
            try await TestPostgres.withClient(address) { client in
                #expect(try await PostgresSchema.migrate(client, address: address, logger: TestPostgres.logger) == 0)
                #expect(try await PostgresSchema.migrate(client, address: address, logger: TestPostgres.logger) == PostgresSchema.currentVersion)
                var tables: [String] = []
                for try await name in try await client.query("""
                    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name
                    """, logger: TestPostgres.logger).decode(String.self) {
                    tables.append(name)
                }
                #expect(tables == ["agent_message", "handoff", "kefu_schema", "session", "turn"])
            }
        }
    }

    @Test func serversStartingTogetherApplyEachStepOnce() async throws {
        try await TestPostgres.withFreshDatabase { address in
            let before = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await TestPostgres.withClient(address) { client in
                            try await PostgresSchema.migrate(client, address: address, logger: TestPostgres.logger)
                        }
                    }
                }
                var seen: [Int] = []
                for try await version in group { seen.append(version) }
                return seen.sorted()
            }
            #expect(before == [0] + Array(repeating: PostgresSchema.currentVersion, count: 3))   // one applied the steps; the others found them applied
        }
    }

    @Test func aDatabaseFromANewerKefuIsRefused() async throws {
        try await TestPostgres.withFreshDatabase { address in
            try await TestPostgres.withClient(address) { client in
                try await PostgresSchema.migrate(client, address: address, logger: TestPostgres.logger)
                try await client.query("INSERT INTO kefu_schema (version) VALUES (99)", logger: TestPostgres.logger)
                do {
                    try await PostgresSchema.migrate(client, address: address, logger: TestPostgres.logger)
                    Issue.record("a newer schema was accepted")
                } catch {
                    #expect("\(error)".contains("schema version 99, newer than this kefu knows"))
                }
            }
        }
    }
}
