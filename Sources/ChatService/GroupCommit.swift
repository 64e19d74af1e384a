import SessionStorage
import Synchronization

/// Writes the store for many concurrent turns with few transactions: a turn hands in its batch
/// and waits; one writer task commits everything handed in so far in one transaction, then
/// resumes every turn in it. Under load a transaction carries dozens of turns; alone, a turn
/// commits at once. Every reply waits for its own commit, so a reply a customer has seen is
/// always on record.
final class GroupCommit: Sendable {
    private struct Waiting {
        var batch: StoreBatch
        var resume: CheckedContinuation<Set<String>, any Error>
    }

    private struct Queue: ~Copyable {
        var waiting: [Waiting] = []
        var committing = false
    }

    /// The store: written by the writer task only, read from anywhere (``SessionStore``).
    let store: (any SessionStore)?
    private let queue = Mutex(Queue())

    init(_ store: (any SessionStore)?) {
        self.store = store
    }

    var hasStore: Bool { store != nil }

    /// Returns once `batch` is committed, with the sessions of it that another server wrote since
    /// they were read (nothing of those was written); throws the store's error (nothing of the
    /// batch was written).
    func commit(_ batch: StoreBatch) async throws(StoreError) -> Set<String> {
        guard !batch.isEmpty, hasStore else { return [] }
        do {
            return try await withCheckedThrowingContinuation { (resume: CheckedContinuation<Set<String>, any Error>) in
                let leads = queue.withLock { queue in
                    queue.waiting.append(Waiting(batch: batch, resume: resume))
                    if queue.committing { return false }
                    queue.committing = true
                    return true
                }
                if leads { Task { await self.drain() } }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("\(error)")
        }
    }

    /// Commits what is waiting, group by group, until nothing is.
    private func drain() async {
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
            let outcome: Result<Set<String>, StoreError>
            do throws(StoreError) {
                outcome = .success(try await store?.save(merged) ?? [])
            } catch {
                outcome = .failure(error)
            }
            for item in group {
                switch outcome {
                case .success(let conflicts):
                    item.resume.resume(returning: conflicts.isEmpty ? [] : conflicts.intersection(item.batch.sessions.map(\.session)))
                case .failure(let error): item.resume.resume(throwing: error)
                }
            }
        }
    }
}
