import Dispatch

/// Runs independent pieces of work on all cores and returns their results in order.
enum ConcurrentMap {
    /// `body(index)` for every index in `0..<count`, concurrently; results in index order.
    static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        guard count > 1 else { return (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<Result>.allocate(capacity: count)
        defer { slots.deallocate() }
        let shared = Slots(buffer: slots)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            shared.buffer.initializeElement(at: index, to: body(index))
        }
        let results = Array(slots)
        _ = slots.deinitialize()
        return results
    }

    /// Result slots written by different threads, one slot each.
    private struct Slots<Item>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Item>
    }
}
