/// A sparse vector of feature weights: indices strictly increasing, one weight each.
struct SparseVector: Hashable, Sendable {
    var indices: [Int32]
    var values: [Float]

    static let zero = SparseVector(indices: [], values: [])

    var isZero: Bool { indices.isEmpty }

    /// The dot product with another sparse vector (a merge of the two index lists).
    /// - Complexity: O(nonzeros of both).
    func dot(_ other: SparseVector) -> Float {
        var i = 0, j = 0, sum: Float = 0
        while i < indices.count, j < other.indices.count {
            let a = indices[i], b = other.indices[j]
            if a == b {
                sum += values[i] * other.values[j]
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// The dot product with a dense vector.
    func dot(_ dense: [Float]) -> Float {
        var sum: Float = 0
        for (index, value) in zip(indices, values) { sum += value * dense[Int(index)] }
        return sum
    }
}
