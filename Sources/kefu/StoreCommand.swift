import ArgumentParser
import Foundation
import Logging
import PostgresStore
import SessionStorage
import BotDefinition
import Privacy

/// `kefu store …`: looking after a session store (an SQLite file or a PostgreSQL database).
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Look after a session store (an SQLite file or postgres://USER[:PASS]@HOST[:PORT]/DB).",
        subcommands: [Migrate.self, Prune.self, Export.self, Import.self]
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

    /// `kefu store prune --store … --older-than 90d`: deletes sessions nobody wrote to since.
    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the sessions nobody wrote to for a while, with their turns, cases and agent messages.",
            discussion: """
                --older-than takes a span: 45s, 30m, 12h, 90d, 2w. A running kefu serve prunes by \
                itself every hour when bot.yml sets sessions.retention. Prints how many sessions went.
                """
        )

        @Option(name: .customLong("store"), help: ArgumentHelp("The store: an SQLite file or a postgres:// address.", valueName: "store"))
        var store: String

        @Option(name: .customLong("older-than"), help: ArgumentHelp("Delete sessions last written longer ago than this (90d, 12h).", valueName: "span"))
        var olderThan: String

        func validate() throws {
            if SessionSettings.seconds(olderThan) == nil {
                throw ValidationError("--older-than '\(olderThan)' is not a span; write a number and a unit: 45s, 30m, 12h, 90d, 2w")
            }
        }

        func run() async throws {
            let span = SessionSettings.seconds(olderThan) ?? 0
            let opened = try await OpenedStore.open(store, mask: PrivacyMask())
            defer { opened.close() }
            let count: Int
            do { count = try await opened.store.prune(before: Date().timeIntervalSince1970 - span) } catch { throw CLIError(error.description) }
            print("store \(Self.name(store)): \(count) session\(count == 1 ? "" : "s") older than \(olderThan) deleted")
        }

        static func name(_ store: String) -> String {
            (try? PostgresAddress(store).description) ?? store
        }
    }

    /// `kefu store export --store … --format jsonl`: every row as JSON lines on standard output.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every row of a store as JSON lines (to move it between SQLite and PostgreSQL, or to back it up).",
            discussion: """
                One object a line with its table: {"table":"session",…}, {"table":"turn",…}, \
                {"table":"handoff",…}, {"table":"agent_message",…}; sessions first. Read back with \
                kefu store import. Text is as stored (masked when bot.yml masks).
                """
        )

        @Option(name: .customLong("store"), help: ArgumentHelp("The store: an SQLite file or a postgres:// address.", valueName: "store"))
        var store: String

        @Option(name: .customLong("format"), help: ArgumentHelp("The output format (only jsonl).", valueName: "format"))
        var format = "jsonl"

        func validate() throws {
            if format != "jsonl" { throw ValidationError("--format '\(format)' is not known; the only format is jsonl") }
        }

        func run() async throws {
            if !PostgresAddress.isPostgres(store), !FileManager.default.fileExists(atPath: store) {
                throw CLIError("there is no store '\(store)'; give --store an SQLite file or a postgres:// address")
            }
            let opened = try await OpenedStore.open(store, mask: PrivacyMask())
            defer { opened.close() }
            var output = OutputBuffer(descriptor: STDOUT_FILENO)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            do {
                try await opened.store.export { record in
                    try encoder.encode(record).withUnsafeBytes { output.append($0.bindMemory(to: UInt8.self)) }
                    output.append(UInt8(0x0A))
                    output.flushIfFull()
                }
            } catch {
                output.flush()
                throw CLIError("\(error)")
            }
            output.flush()
        }
    }

    /// `kefu store import --store … FILE`: rows from `kefu store export` into a store.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read rows written by kefu store export into a store (best an empty one: turns are added, not matched).",
            discussion: """
                Every line is checked first: a malformed one is reported with its line number and \
                nothing is imported. Then the rows go in, 10,000 a transaction; sessions already in \
                the store are replaced. FILE - reads standard input.
                """
        )

        @Option(name: .customLong("store"), help: ArgumentHelp("The store: an SQLite file or a postgres:// address.", valueName: "store"))
        var store: String

        @Argument(help: ArgumentHelp("The JSON-lines file (- for standard input).", valueName: "file"))
        var file: String

        func run() async throws {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let read = FileManager.default.contents(atPath: file) else { throw CLIError("cannot read '\(file)'") }
                data = read
            }
            var records: [StoreRecord] = []
            let decoder = JSONDecoder()
            var number = 0
            for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                number += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                do {
                    records.append(try decoder.decode(StoreRecord.self, from: Data(line)))
                } catch {
                    throw CLIError("\(file == "-" ? "standard input" : file):\(number): not a row of kefu store export: \(Self.reason(error)); nothing was imported")
                }
            }
            let opened = try await OpenedStore.open(store, mask: PrivacyMask())
            defer { opened.close() }
            var imported = 0
            do {
                while imported < records.count {
                    let chunk = Array(records[imported..<min(records.count, imported + 10_000)])
                    try await opened.store.importRecords(chunk)
                    imported += chunk.count
                }
            } catch {
                throw CLIError("\(error.description) (\(imported) of \(records.count) rows were imported before)")
            }
            print("store \(Prune.name(store)): \(records.count) rows imported")
        }

        static func reason(_ error: any Error) -> String {
            switch error as? DecodingError {
            case .keyNotFound(let key, _): "no \"\(key.stringValue)\""
            case .typeMismatch(_, let context), .valueNotFound(_, let context):
                "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
            case .dataCorrupted(let context): context.debugDescription
            default: "\(error)"
            }
        }
    }
}
