import SessionStorage
import Synchronization

/// Writes the store for many concurrent turns with few transactions: a turn hands in its batch
/// and waits; the first waiter to find no commit running commits everything handed in so far in
/// one transaction, then resumes every turn in it. Under load a transaction carries dozens of
/// turns; alone, a turn commits at once. Every reply waits for its own commit, so a reply a
/// customer has seen is always on record.
final class GroupCommit: Sendable {
    private struct Waiting {
        var batch: StoreBatch
        var resume: CheckedContinuation<Void, any Error>
    }

    private struct Queue: ~Copyable {
        var waiting: [Waiting] = []
        var committing = false
    }

    /// The store; only the committing turn touches it.
    private let store: Mutex<(any SessionStore)?>
    private let queue = Mutex(Queue())

    init(_ store: sending (any SessionStore)?) {
        self.store = Mutex(store)
    }

    var hasStore: Bool { store.withLock { $0 != nil } }

    /// Runs `body` on the store alone (a read); nil without a store.
    func read<Value: Sendable>(_ body: (any SessionStore) throws(StoreError) -> Value) throws(StoreError) -> Value? {
        try store.withLock { (store: inout (any SessionStore)?) throws(StoreError) -> Value? in
            guard let store else { return nil }
            return try body(store)
        }
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
                if leads { drain() }
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
            let failure: StoreError? = store.withLock { store in
                do throws(StoreError) {
                    try store?.save(merged)
                    return nil
                } catch {
                    return error
                }
            }
            for item in group {
                if let failure { item.resume.resume(throwing: failure) } else { item.resume.resume() }
            }
        }
    }
}
