/// Keeps an in-memory table of sessions bounded: once it holds more than its capacity, the least
/// recently used entries that may go are dropped until it holds 90 % of it, so the sort that
/// finds them runs once per tenth of the capacity of new sessions (amortised O(log n) a session).
public enum LRUEviction {
    /// The keys to drop from `entries` (none while within `capacity`), oldest use first.
    /// - Parameters:
    ///   - lastUse: a counter that grows with every use of an entry.
    ///   - mayDrop: false for entries in use (a line being answered, an open connection).
    public static func keysToDrop<Value>(from entries: [String: Value], capacity: Int,
                                         lastUse: (Value) -> UInt64, mayDrop: (Value) -> Bool) -> [String] {
        guard entries.count > capacity else { return [] }
        let keep = capacity - capacity / 10
        var candidates: [(use: UInt64, key: String)] = []
        candidates.reserveCapacity(entries.count)
        for (key, value) in entries where mayDrop(value) { candidates.append((lastUse(value), key)) }
        let excess = min(candidates.count, entries.count - keep)
        guard excess > 0 else { return [] }
        candidates.sort { $0.use < $1.use }
        return candidates[..<excess].map(\.key)
    }
}
