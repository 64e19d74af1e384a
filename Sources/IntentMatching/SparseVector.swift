/// A sparse vector as parallel flat arrays of feature indices (each at most once, in no set order) and values.
struct SparseVector: Sendable, Equatable {
    var indices: [Int32] = []
    var values: [Float] = []

    var count: Int { indices.count }

    /// The squared L2 norm.
    var squaredNorm: Float {
        var sum: Float = 0
        for value in values { sum += value * value }
        return sum
    }
}

/// Sparse rows stored back to back (compressed sparse rows): row `r` is
/// `indices[starts[r]..<starts[r + 1]]` with its `values`.
struct SparseRows: Sendable {
    var starts: [Int] = [0]
    var indices: [Int32] = []
    var values: [Float] = []

    var count: Int { starts.count - 1 }

    mutating func append(_ vector: SparseVector) {
        indices.append(contentsOf: vector.indices)
        values.append(contentsOf: vector.values)
        starts.append(indices.count)
    }

    func row(_ index: Int) -> Range<Int> { starts[index]..<starts[index + 1] }

    /// The rows at `positions`, in that order.
    func selecting(_ positions: [Int]) -> SparseRows {
        var result = SparseRows()
        result.indices.reserveCapacity(indices.count)
        result.values.reserveCapacity(values.count)
        for position in positions {
            let range = row(position)
            result.indices.append(contentsOf: indices[range])
            result.values.append(contentsOf: values[range])
            result.starts.append(result.indices.count)
        }
        return result
    }
}
