/// Sorting of 64-bit keys for `predict`'s ranking, several times faster on ~150 keys than the
/// standard library's sort (which allocates a merge buffer and calls a comparison closure, and
/// mispredicts half its branches on random scores).
///
/// `IntegerSort.sortByHighHalf(&keys)` orders `[0x2_0000_0000, 0x1_0000_0001, 0x1_0000_0000]`
/// as `[0x1_0000_0001, 0x1_0000_0000, 0x2_0000_0000]`: by the high halves, ties as they came.
enum IntegerSort {
    /// Sorts `values` by their high 32 bits only, stably (LSD radix sort, one pass per byte
    /// that differs): keys whose high halves are equal keep their order. The ranking puts the
    /// score in the high half and the label index, already ascending, in the low half, so ties
    /// stay in label order. No comparisons, so no branch mispredictions on random scores.
    static func sortByHighHalf(_ values: inout [UInt64]) {
        guard values.count > 1 else { return }
        var buffer = values
        var counts = [Int](repeating: 0, count: 256)
        for shift in stride(from: 32, to: 64, by: 8) {
            for index in counts.indices { counts[index] = 0 }
            for value in values { counts[Int(truncatingIfNeeded: value >> UInt64(shift)) & 0xFF] += 1 }
            if counts.contains(values.count) { continue }   // this byte is the same everywhere
            var start = 0
            for index in counts.indices {
                let count = counts[index]
                counts[index] = start
                start += count
            }
            for value in values {
                let digit = Int(truncatingIfNeeded: value >> UInt64(shift)) & 0xFF
                buffer[counts[digit]] = value
                counts[digit] += 1
            }
            swap(&values, &buffer)
        }
    }
}
