import SessionStorage
import Dispatch
import Synchronization

/// Writes the store for many concurrent turns with few transactions: a turn hands in its batch
/// and waits; a writer thread of its own (so the engine's threads never block on the disk)
/// commits everything handed in so far in one transaction, then resumes every turn in it. Under
/// load a transaction carries dozens of turns; alone, a turn commits at once. Every reply waits
/// for its own commit, so a reply a customer has seen is always on record.
final class GroupCommit: Sendable {
    private struct Waiting {
        var batch: StoreBatch
        var resume: CheckedContinuation<Void, any Error>
    }

    private struct Queue: ~Copyable {
        var waiting: [Waiting] = []
        var committing = false
    }

    /// The store: written by the writer thread only, read from any thread (``SessionStore``).
    private let store: (any SessionStore)?
    private let queue = Mutex(Queue())
    private let writer = DispatchQueue(label: "kefu.store.writer", qos: .userInitiated)

    init(_ store: (any SessionStore)?) {
        self.store = store
    }

    var hasStore: Bool { store != nil }

    /// Runs `body` on the store (a read, beside any commit); nil without a store.
    func read<Value: Sendable>(_ body: (any SessionStore) throws(StoreError) -> Value) throws(StoreError) -> Value? {
        guard let store else { return nil }
        return try body(store)
    }

    /// Returns once `batch` is committed, or throws the store's error (nothing of it was written).
    func commit(_ batch: StoreBatch) async throws(StoreError) {
        guard !batch.isEmpty, hasStore else { return }
        do {
            try await withCheckedThrowingContinuation { (resume: CheckedContinuation<Void, any Error>) in
                let leads = queue.withLock { queue in
                    queue.waiting.append(Waiting(batch: batch, resume: resume))
                    if queue.committing { return false }
                    queue.committing = true
                    return true
                }
                if leads { writer.async { self.drain() } }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("\(error)")
        }
    }

    /// Commits what is waiting, group by group, until nothing is.
    private func drain() {
        while true {
            let group: [Waiting] = queue.withLock { queue in
                let group = queue.waiting
                queue.waiting = []
                if group.isEmpty { queue.committing = false }
                return group
            }
            if group.isEmpty { return }
            var merged = StoreBatch()
            for item in group { merged.append(item.batch) }
            var failure: StoreError?
            do throws(StoreError) {
                try store?.save(merged)
            } catch {
                failure = error
            }
            for item in group {
                if let failure { item.resume.resume(throwing: failure) } else { item.resume.resume() }
            }
        }
    }
}
