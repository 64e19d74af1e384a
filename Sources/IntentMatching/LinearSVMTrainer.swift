/// Trains one-vs-rest linear SVMs with the squared hinge loss by dual coordinate descent
/// (Hsieh et al. 2008, the algorithm behind liblinear), with shrinking.
///
/// For class c every example gets y = +1 (its label is c) or −1; the dual problem
/// min ½ αᵀ(Q + D)α − Σα, α ≥ 0, Q = yᵢyⱼxᵢᵀxⱼ, D = 1/(2C) is solved one coordinate at a time
/// while w = Σ αᵢyᵢxᵢ is kept up to date. A constant feature of 1 gives the bias.
/// - Complexity: O(passes × non-zeros) per class.
struct LinearSVMTrainer: Sendable {
    var cost: Float = 1
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

    /// Trains the classifier of `positive` against all other labels.
    func train(rows: SparseRows, labels: [Int32], positive: Int32, featureCount: Int, seed: UInt64) -> ClassWeights {
        let count = rows.count
        var weights = [Float](repeating: 0, count: featureCount)
        var bias: Float = 0
        var alpha = [Float](repeating: 0, count: count)
        let diagonal = 0.5 / cost
        var curvature = [Float](repeating: 0, count: count)
        for row in 0..<count {
            var norm: Float = 1 + diagonal
            for position in rows.row(row) { norm += rows.values[position] * rows.values[position] }
            curvature[row] = norm
        }
        var order = (0..<count).map { Int32($0) }
        var random = SeededRandom(seed: seed, stream: UInt64(positive))
        var activeCount = count
        var previousMaximum = Float.infinity
        var previousMinimum = -Float.infinity
        var passes = 0
        rows.indices.withUnsafeBufferPointer { indices in
            rows.values.withUnsafeBufferPointer { values in
                weights.withUnsafeMutableBufferPointer { w in
                    while passes < maximumPasses {
                        passes += 1
                        var maximum = -Float.infinity
                        var minimum = Float.infinity
                        random.shuffle(&order, count: activeCount)
                        var step = 0
                        while step < activeCount {
                            let row = Int(order[step])
                            let sign: Float = labels[row] == positive ? 1 : -1
                            let range = rows.starts[row]..<rows.starts[row + 1]
                            var dot = bias
                            for position in range { dot += w[Int(indices[position])] * values[position] }
                            let gradient = sign * dot - 1 + diagonal * alpha[row]
                            var projected: Float = gradient
                            if alpha[row] == 0 {
                                if gradient > previousMaximum {
                                    activeCount -= 1
                                    order.swapAt(step, activeCount)
                                    continue
                                }
                                projected = min(gradient, 0)
                            }
                            maximum = max(maximum, projected)
                            minimum = min(minimum, projected)
                            if abs(projected) > 1e-12 {
                                let old = alpha[row]
                                alpha[row] = max(old - gradient / curvature[row], 0)
                                let delta = (alpha[row] - old) * sign
                                for position in range { w[Int(indices[position])] += delta * values[position] }
                                bias += delta
                            }
                            step += 1
                        }
                        if maximum - minimum <= tolerance {
                            if activeCount == count { break }
                            activeCount = count
                            previousMaximum = .infinity
                            previousMinimum = -.infinity
                            continue
                        }
                        previousMaximum = maximum <= 0 ? .infinity : maximum
                        previousMinimum = minimum >= 0 ? -.infinity : minimum
                    }
                }
            }
        }
        _ = previousMinimum
        var objective = Double(bias) * Double(bias)
        for value in weights { objective += Double(value) * Double(value) }
        objective *= 0.5
        for value in alpha { objective += 0.5 * Double(diagonal) * Double(value) * Double(value) - Double(value) }
        return ClassWeights(weights: weights, bias: bias, dualObjective: objective, passes: passes)
    }
}
