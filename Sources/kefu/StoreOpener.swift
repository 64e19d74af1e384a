import Foundation
import Logging
import PostgresStore
import Privacy
import SessionStorage

/// What `--store` names: an SQLite file, or a PostgreSQL database (`postgres://…`) several
/// servers may share.
struct OpenedStore {
    let store: any SessionStore
    /// Hangs up (PostgreSQL); nothing to do for a file.
    let close: @Sendable () -> Void

    /// Deletes sessions nobody wrote to for `retention` seconds, now and every hour after, until
    /// the task is cancelled (bot.yml `sessions.retention`); failures are told to `warn`.
    func pruning(retention: Double, warn: @escaping @Sendable (String) -> Void) -> Task<Void, Never> {
        let store = self.store
        return Task {
            while !Task.isCancelled {
                do {
                    _ = try await store.prune(before: Date().timeIntervalSince1970 - retention)
                } catch {
                    warn("\(error)")
                }
                try? await Task.sleep(for: .seconds(3_600))
            }
        }
    }

    /// Opens the store `spec` names, masking what it writes with `mask`.
    /// - Throws: `CLIError` saying what is wrong with the file or the address.
    static func open(_ spec: String, mask: PrivacyMask, logger: Logger = Logger(label: "kefu.store")) async throws -> OpenedStore {
        do {
            if PostgresAddress.isPostgres(spec) {
                let store = try await PostgresSessionStore.open(try PostgresAddress(spec), mask: mask, logger: logger)
                return OpenedStore(store: store, close: { store.close() })
            }
            let store = try SQLiteSessionStore(path: spec, mask: mask)
            return OpenedStore(store: store, close: {})
        } catch {
            throw CLIError(error.description)
        }
    }
}
