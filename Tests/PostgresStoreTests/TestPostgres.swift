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

/// A PostgreSQL cluster of one test's own (`scripts/test-postgres.sh`), for faults that would
/// disturb the other tests' server: stopping and starting it again.
struct OwnCluster {
    let url: String
    let folder: String

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/test-postgres.sh").path

    static func start() throws -> OwnCluster {
        var exports: [String: String] = [:]
        for line in try run("start").split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { exports[String(pair[0])] = String(pair[1]) }
        }
        return OwnCluster(url: try #require(exports["KEFU_TEST_POSTGRES_URL"]), folder: try #require(exports["KEFU_TEST_POSTGRES_DIR"]))
    }

    /// Stops PostgreSQL, keeping its files.
    func pause() throws { _ = try Self.run("pause", folder: folder) }
    /// Starts it again on the same port.
    func resume() throws { _ = try Self.run("resume", folder: folder) }
    /// Stops it and removes its files.
    func remove() { _ = try? Self.run("stop", folder: folder) }

    /// Runs the script with `system` (Foundation's `Process.waitUntilExit` can miss the exit of a
    /// script whose child daemonises, and hang), its output through a scratch file.
    private static func run(_ command: String, folder: String? = nil) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kefu-own-cluster-\(UInt64.random(in: 0...UInt64.max))").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let environment = (folder.map { "KEFU_TEST_POSTGRES_DIR='\($0)' " } ?? "") + "KEFU_POSTGRES_DURABLE=0"
        let status = system("\(environment) /bin/bash '\(script)' \(command) > '\(output)' 2>&1")
        let printed = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(status == 0, "test-postgres.sh \(command): \(printed)")
        guard status == 0 else { throw CocoaError(.executableLoad) }
        return printed
    }
}
