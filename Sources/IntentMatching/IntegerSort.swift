/// An in-place, unstable sort of 64-bit keys (quicksort with median-of-three pivots and
/// insertion sort for short ranges). For the small arrays of `predict` (a line's feature indices,
/// the ranking keys) it is several times faster than the standard library's stable sort, which
/// allocates a buffer and calls a comparison closure.
///
/// `IntegerSort.sort(&keys)` orders `[5, 1, 3]` as `[1, 3, 5]`; equal values are indistinguishable,
/// so stability does not matter.
enum IntegerSort {
    static func sort(_ values: inout [UInt64]) {
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 1 else { return }
            sort(base, 0, buffer.count - 1)
        }
    }

    /// Sorts `values[low...high]`.
    private static func sort(_ values: UnsafeMutablePointer<UInt64>, _ low: Int, _ high: Int) {
        var low = low, high = high
        while high - low > 16 {
            let middle = low + (high - low) / 2
            // Median of three to values[middle], then Hoare partition around it.
            if values[middle] < values[low] { swap(values, middle, low) }
            if values[high] < values[low] { swap(values, high, low) }
            if values[high] < values[middle] { swap(values, high, middle) }
            let pivot = values[middle]
            var left = low, right = high
            while left <= right {
                while values[left] < pivot { left += 1 }
                while pivot < values[right] { right -= 1 }
                if left <= right {
                    swap(values, left, right)
                    left += 1
                    right -= 1
                }
            }
            // Recurse into the smaller side, loop on the larger: the stack stays O(log n).
            if right - low < high - left {
                sort(values, low, right)
                low = left
            } else {
                sort(values, left, high)
                high = right
            }
        }
        guard high > low else { return }
        for position in (low + 1)...high {
            let value = values[position]
            var hole = position
            while hole > low && value < values[hole - 1] {
                values[hole] = values[hole - 1]
                hole -= 1
            }
            values[hole] = value
        }
    }

    @inline(__always)
    private static func swap(_ values: UnsafeMutablePointer<UInt64>, _ a: Int, _ b: Int) {
        let value = values[a]
        values[a] = values[b]
        values[b] = value
    }
}
