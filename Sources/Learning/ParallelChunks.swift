import Dispatch

/// Deterministic data parallelism: work is cut into a fixed number of chunks that depends only
/// on the data (never on the number of cores or on timing), the chunks run concurrently, and
/// their results are combined in chunk order. A run is therefore bit-identical however the
/// threads are scheduled, and on a machine with one core.
public enum ParallelChunks {
    /// `count` items cut into `chunks` contiguous ranges of near-equal size (earlier ones larger).
    public static func ranges(count: Int, chunks: Int) -> [Range<Int>] {
        let chunks = max(1, min(chunks, max(count, 1)))
        let base = count / chunks, extra = count % chunks
        var start = 0
        return (0..<chunks).map { chunk in
            let size = base + (chunk < extra ? 1 : 0)
            defer { start += size }
            return start..<(start + size)
        }
    }

    /// Runs `body(index)` for every index in `0..<count` concurrently and returns the results in
    /// index order.
    public static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = SlotBuffer(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: count) { index in slots.buffer[index] = body(index) }
        }
        return results.map { result in
            guard let result else { preconditionFailure("a parallel chunk produced no result") }
            return result
        }
    }

    /// Runs `body(index, &items[index])` for every item concurrently, each item touched by one
    /// thread only.
    public static func update<Item>(_ items: inout [Item], _ body: @Sendable (Int, inout Item) -> Void) {
        items.withUnsafeMutableBufferPointer { buffer in
            let slots = SlotBuffer(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: buffer.count) { index in body(index, &slots.buffer[index]) }
        }
    }

    /// A buffer whose slots are written by different threads, one slot each.
    private struct SlotBuffer<Item>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Item>
    }
}
