import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs independent, deterministic tasks on the machine's cores and returns their results in
/// task order. Each task computes only from its own inputs, so which thread ran it never changes
/// what it returns: training stays bit-identical however the work is scheduled.
enum ParallelTasks {
    /// How many worker threads to use: the online cores, at most 8.
    static var threadCount: Int {
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return min(max(cores, 1), 8)
    }

    /// Runs `body(0..<count)`; `finished(n)` is called on the calling thread after each task.
    static func run<Result: Sendable>(count: Int, _ body: @escaping @Sendable (Int) -> Result,
                                      finished: (Int) -> Void = { _ in }) -> [Result] {
        let store = Store<Result>(count: count)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<min(threadCount, count) {
            DispatchQueue.global().async {
                while let task = store.claim() {
                    store.put(body(task), at: task)
                    done.signal()
                }
            }
        }
        for completed in 0..<count {
            done.wait()
            finished(completed + 1)
        }
        return store.results()
    }

    /// The shared task counter and result slots, guarded by a serial queue.
    private final class Store<Result>: @unchecked Sendable {
        private var next = 0
        private let count: Int
        private var slots: [Result?]
        private let queue = DispatchQueue(label: "kefu.intent-training")

        init(count: Int) {
            self.count = count
            slots = Array(repeating: nil, count: count)
        }

        func claim() -> Int? {
            queue.sync {
                guard next < count else { return nil }
                next += 1
                return next - 1
            }
        }

        func put(_ result: Result, at index: Int) { queue.sync { slots[index] = result } }

        func results() -> [Result] { queue.sync { slots.compactMap { $0 } } }
    }
}
