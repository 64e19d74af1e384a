/// Trains one-vs-rest linear SVMs with the squared hinge loss by dual coordinate descent
/// (Hsieh et al. 2008, the algorithm behind liblinear), with shrinking.
///
/// For class c every example gets y = +1 (its label is c) or −1; the dual problem
/// min ½ αᵀ(Q + D)α − Σα, α ≥ 0, Q = yᵢyⱼxᵢᵀxⱼ, Dᵢᵢ = 1/(2C mᵢ) (mᵢ the row's cost multiplier) is
/// solved one coordinate at a time
/// while w = Σ αᵢyᵢxᵢ is kept up to date. A constant feature of 1 gives the bias.
/// - Complexity: O(passes × non-zeros) per class.
struct LinearSVMTrainer: Sendable {
    var cost: Float = 2
    var tolerance: Float = 0.1
    var maximumPasses = 200

    /// One class's weights: `weights[feature]` and the bias.
    struct ClassWeights {
        var weights: [Float]
        var bias: Float
        /// The dual objective at the end, for tests.
        var dualObjective: Double
        var passes: Int
    }

    /// The sparse row `range` dotted with dense `w`, with four partial sums so the additions
    /// do not wait on each other.
    @inline(__always)
    static func dot(_ w: UnsafeMutableBufferPointer<Float>, _ indices: UnsafeBufferPointer<Int32>,
                    _ values: UnsafeBufferPointer<Float>, _ range: Range<Int>) -> Float {
        var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
        var position = range.lowerBound
        let end = range.upperBound
        while position + 4 <= end {
            s0 += w[Int(indices[position])] * values[position]
            s1 += w[Int(indices[position + 1])] * values[position + 1]
            s2 += w[Int(indices[position + 2])] * values[position + 2]
            s3 += w[Int(indices[position + 3])] * values[position + 3]
            position += 4
        }
        while position < end {
            s0 += w[Int(indices[position])] * values[position]
            position += 1
        }
        return (s0 + s1) + (s2 + s3)
    }

    /// The squared norm of every row, which every class's training needs: compute it once.
    static func squaredNorms(_ rows: SparseRows) -> [Float] {
        (0..<rows.count).map { row in rows.row(row).reduce(Float(0)) { $0 + rows.values[$1] * rows.values[$1] } }
    }

    /// Per-row multipliers of the cost that give every class the same total weight,
    /// n / (classes × n_class) (scikit-learn's `class_weight="balanced"`): an intent with 18
    /// examples next to one with 455 is not drowned out. All 1 when the classes are even.
    static func balancedCosts(labels: [Int32], classCount: Int) -> [Float] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[Int(label)] += 1 }
        return labels.map { Float(labels.count) / (Float(classCount) * Float(max(counts[Int($0)], 1))) }
    }

    /// Trains the classifier of `positive` against all other labels; `squaredNorms` are the
    /// rows' (from `squaredNorms(_:)`, computed when nil); `rowCosts` multiply the cost of each
    /// row (`balancedCosts`; all 1 when nil).
    func train(rows: SparseRows, labels: [Int32], positive: Int32, featureCount: Int, squaredNorms: [Float]? = nil, rowCosts: [Float]? = nil) -> ClassWeights {
        let count = rows.count
        var weights = [Float](repeating: 0, count: featureCount)
        var bias: Float = 0
        var alpha = [Float](repeating: 0, count: count)
        let diagonals = rowCosts.map { $0.map { 0.5 / (cost * $0) } } ?? [Float](repeating: 0.5 / cost, count: count)
        let curvature = zip(squaredNorms ?? Self.squaredNorms(rows), diagonals).map { $0 + 1 + $1 }
        // Rows are visited in storage order (the caller shuffled the storage once), so the
        // sparse data streams from memory instead of being fetched at random. Shrinking: a row
        // whose multiplier is zero and whose margin is met (gradient > 0) is optimal for now and
        // leaves the active set; most negative rows go in the first pass. When the active rows
        // converge, a pass over all rows checks the rest (and shrinks again): training ends
        // when a pass over every row is within the tolerance.
        var active = (0..<count).map { Int32($0) }
        var nextActive: [Int32] = []
        nextActive.reserveCapacity(count)
        var passes = 0
        labels.withUnsafeBufferPointer { labelOf in
        rows.indices.withUnsafeBufferPointer { indices in
            rows.values.withUnsafeBufferPointer { values in
                rows.starts.withUnsafeBufferPointer { starts in
                weights.withUnsafeMutableBufferPointer { w in
                alpha.withUnsafeMutableBufferPointer { alpha in
                    while passes < maximumPasses {
                        passes += 1
                        // Projected gradients of the pass; a shrunk row's is 0.
                        var maximum: Float = 0
                        var minimum: Float = 0
                        nextActive.removeAll(keepingCapacity: true)
                        for entry in active {
                            let row = Int(entry)
                            let sign: Float = labelOf[row] == positive ? 1 : -1
                            let range = starts[row]..<starts[row + 1]
                            let dot = bias + Self.dot(w, indices, values, range)
                            let gradient = sign * dot - 1 + diagonals[row] * alpha[row]
                            var projected: Float = gradient
                            if alpha[row] == 0 {
                                if gradient > 0 { continue }
                                projected = gradient
                            }
                            nextActive.append(entry)
                            maximum = max(maximum, projected)
                            minimum = min(minimum, projected)
                            if abs(projected) > 1e-12 {
                                let old = alpha[row]
                                alpha[row] = max(old - gradient / curvature[row], 0)
                                let delta = (alpha[row] - old) * sign
                                for position in range { w[Int(indices[position])] += delta * values[position] }
                                bias += delta
                            }
                        }
                        if maximum - minimum <= tolerance {
                            if active.count == count { break }
                            active = (0..<count).map { Int32($0) }
                            continue
                        }
                        swap(&active, &nextActive)
                        if active.isEmpty { active = (0..<count).map { Int32($0) } }
                    }
                }
                }
                }
            }
        }
        }
        var objective = Double(bias) * Double(bias)
        for value in weights { objective += Double(value) * Double(value) }
        objective *= 0.5
        for (row, value) in alpha.enumerated() { objective += 0.5 * Double(diagonals[row]) * Double(value) * Double(value) - Double(value) }
        return ClassWeights(weights: weights, bias: bias, dualObjective: objective, passes: passes)
    }
}
