import Foundation
import Logging
import PostgresNIO
import PostgresStore
import Testing

/// The tests' PostgreSQL: the cluster `scripts/test-postgres.sh start` made (`KEFU_TEST_POSTGRES_URL`).
/// `.ci/run` sets `KEFU_REQUIRE_POSTGRES=1`, so there a missing server fails the tests instead of
/// leaving them out.
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["KEFU_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let required = ProcessInfo.processInfo.environment["KEFU_REQUIRE_POSTGRES"] == "1"
    /// Whether tests that need the server run: it is there, or it must be.
    static let enabled = url != nil || required

    static var logger: Logger {
        var logger = Logger(label: "kefu.tests.postgres")
        logger.logLevel = .critical
        return logger
    }

    /// Runs `body` with a client for `address`.
    static func withClient<Value: Sendable>(_ address: PostgresAddress,
                                           _ body: @Sendable (PostgresClient) async throws -> Value) async throws -> Value {
        try await address.withClient(logger: logger, body)
    }

    /// Runs `body` with a database of its own (created empty, dropped after).
    static func withFreshDatabase<Value: Sendable>(_ body: @Sendable (PostgresAddress) async throws -> Value) async throws -> Value {
        let url = try #require(url, "no PostgreSQL for the tests: run `eval \"$(scripts/test-postgres.sh start)\"` first (.ci/run does)")
        let server = try PostgresAddress(url)
        let name = "kefu_t_\(UInt64.random(in: 0...UInt64.max))"
        try await withClient(server) { client in
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        var fresh = server
        fresh.database = name
        do {
            let value = try await body(fresh)
            try await drop(name, on: server)
            return value
        } catch {
            try? await drop(name, on: server)
            throw error
        }
    }

    private static func drop(_ name: String, on server: PostgresAddress) async throws {
        try await withClient(server) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
        }
    }
}
