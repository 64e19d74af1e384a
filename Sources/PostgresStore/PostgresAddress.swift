import Foundation
import Logging
import PostgresNIO
import SessionStorage

/// Where a PostgreSQL store is: `--store postgres://USER[:PASS]@HOST[:PORT]/DB[?sslmode=disable|prefer|require]`
/// (also `postgresql://`); a password left out is taken from `PGPASSWORD`.
///
/// `postgres://kefu:s3cret@db.internal:6432/support` → user `kefu`, host `db.internal`, port 6432,
/// database `support`, TLS preferred.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode

    /// Whether `text` names a PostgreSQL store (rather than an SQLite file).
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` URL.
    /// - Throws: `StoreError` saying which part is missing or wrong.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) {
        let form = "postgres://USER[:PASS]@HOST[:PORT]/DB"
        guard Self.isPostgres(text), let url = URLComponents(string: text) else {
            throw StoreError("'\(Self.hidingPassword(text))' is not a PostgreSQL address; write \(form)")
        }
        guard let user = url.user, !user.isEmpty else { throw StoreError("the PostgreSQL address has no user; write \(form)") }
        guard let host = url.host, !host.isEmpty else { throw StoreError("the PostgreSQL address has no host; write \(form)") }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreError("the PostgreSQL address names no database (or more than one); write \(form)")
        }
        if let port = url.port, !(1...65_535).contains(port) { throw StoreError("the PostgreSQL port \(port) is out of range") }
        var tls = TLSMode.prefer
        for item in url.queryItems ?? [] {
            guard item.name == "sslmode", let value = item.value, let mode = TLSMode(rawValue: value) else {
                throw StoreError("unknown option '\(item.name)\(item.value.map { "=\($0)" } ?? "")' in the PostgreSQL address; the only one is sslmode=disable|prefer|require")
            }
            tls = mode
        }
        self.user = user.removingPercentEncoding ?? user
        self.password = url.password.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGPASSWORD"]
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = url.port ?? 5432
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
    }

    /// The address without its password: `postgres://kefu@db.internal:6432/support`.
    public var description: String { "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)" }

    /// The client configuration for postgres-nio.
    public var configuration: PostgresClient.Configuration {
        let mode: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .prefer: mode = .prefer(.makeClientConfiguration())
        case .require: mode = .require(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: mode)
    }

    /// Connects once and hangs up, so a wrong address, user or password is told at once (the
    /// pool itself retries for a minute before giving up).
    /// - Throws: `StoreError` with PostgreSQL's reason.
    public func probe(logger: Logger) async throws(StoreError) {
        let mode: PostgresConnection.Configuration.TLS
        do {
            switch tls {
            case .disable: mode = .disable
            case .prefer: mode = .prefer(try .init(configuration: .makeClientConfiguration()))
            case .require: mode = .require(try .init(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw StoreError("cannot set up TLS for \(self): \(error)")
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                             database: database, tls: mode)
        configuration.options.connectTimeout = .seconds(5)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw StoreError("cannot connect to the store \(self): \(PostgresFailure.message(error))")
        }
    }

    /// Runs `body` with a connection pool to this address, running while `body` runs.
    public func withClient<Value: Sendable>(logger: Logger,
                                           _ body: @Sendable (PostgresClient) async throws -> Value) async throws -> Value {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    /// `text` with any password replaced by `***`, for messages.
    static func hidingPassword(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
