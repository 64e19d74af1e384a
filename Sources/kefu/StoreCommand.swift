import ArgumentParser
import Foundation
import Logging
import PostgresStore
import SessionStorage

/// `kefu store …`: looking after a session store (an SQLite file or a PostgreSQL database).
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Look after a session store (an SQLite file or postgres://USER[:PASS]@HOST[:PORT]/DB).",
        subcommands: [Migrate.self]
    )

    /// `kefu store migrate --store …`: brings the store's schema up to date (servers do it on start).
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring a store's schema up to this kefu's version (kefu serve also does it on start).",
            discussion: """
                Applies the missing schema steps in one transaction and prints the versions, e.g. \\
                "store postgres://kefu@db:5432/support: schema version 0 → 1". Several servers \\
                starting at once are safe: PostgreSQL migrations run under an advisory lock. A \\
                store from a newer kefu is refused (exit status 2).
                """
        )

        @Option(name: .customLong("store"), help: ArgumentHelp("The store: an SQLite file or a postgres:// address (PGPASSWORD for the password).", valueName: "store"))
        var store: String

        func run() async throws {
            if PostgresAddress.isPostgres(store) {
                let address: PostgresAddress
                do { address = try PostgresAddress(store) } catch { throw CLIError(error.description) }
                let logger = { var logger = Logger(label: "kefu.store"); logger.logLevel = .critical; return logger }()
                do { try await address.probe(logger: logger) } catch { throw CLIError(error.description) }
                let before: Int
                do {
                    before = try await address.withClient(logger: logger) { client in
                        try await PostgresSchema.migrate(client, address: address, logger: logger)
                    }
                } catch {
                    throw CLIError("\(error)")
                }
                print("store \(address): schema version \(before) → \(PostgresSchema.currentVersion)")
            } else {
                let before: Int?
                do {
                    before = try SQLiteSessionStore.schemaVersion(at: store)
                    _ = try SQLiteSessionStore(path: store)
                } catch {
                    throw CLIError(error.description)
                }
                let now = SQLiteSessionStore.currentSchemaVersion
                print("store \(store): schema version \(before.map(String.init) ?? "none (new file)") → \(now)")
            }
        }
    }
}
