/// The vocabulary of an index: term keys to term ids in an open-addressing table on two flat
/// arrays (linear probing, at most half full). Built once at index time; a query looks its terms
/// up without hashing a `String` or touching a dictionary.
struct TermTable: Sendable {
    private var keys: [UInt64]
    private var ids: [Int32]
    private let mask: Int

    /// A table of `keys`, the term with key `keys[i]` getting id `i` (the keys are distinct and
    /// non-zero).
    init(keys termKeys: [UInt64]) {
        var capacity = 16
        while capacity < termKeys.count * 2 { capacity *= 2 }
        mask = capacity - 1
        keys = [UInt64](repeating: 0, count: capacity)
        ids = [Int32](repeating: -1, count: capacity)
        for (id, key) in termKeys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            ids[slot] = Int32(id)
        }
    }

    /// The id of the term with `key`, or -1 when no indexed question has it.
    @inline(__always)
    func id(of key: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[slot]
            if found == key { return ids[slot] }
            if found == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }
}
