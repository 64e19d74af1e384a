import Learning

/// Small logistic models fitted by full-batch gradient descent in `Double`, deterministic: the
/// re-ranker's feature weights (a softmax over each query's candidates, the right one the target)
/// and its answer confidence (right or wrong top answer).
///
/// ```swift
/// // two queries, two candidates each, one feature: the right candidate has the larger feature
/// LogisticFit.listwise(features: [[1, 0], [0.9, 0.2]], width: 1, right: [0, 0]).first! > 0   // true
/// ```
enum LogisticFit {
    /// Weights `w` maximising the mean log-probability of each query's right candidate under
    /// `softmax(w · f)` over its candidates, with an L2 penalty `l2`. `features[q]` is query q's
    /// candidates' features, `width` numbers a candidate; `right[q]` its right candidate.
    static func listwise(features: [[Float]], width: Int, right: [Int], start: [Float]? = nil,
                         l2: Double = 1e-3, iterations: Int = 400, rate: Double = 1) -> [Float] {
        var weights = (start ?? [Float](repeating: 0, count: width)).map(Double.init)
        guard !features.isEmpty else { return weights.map(Float.init) }
        for _ in 0..<iterations {
            var gradient = weights.map { l2 * $0 }
            for (list, target) in zip(features, right) {
                let count = list.count / width
                var scores = [Double](repeating: 0, count: count)
                for candidate in 0..<count {
                    for feature in 0..<width { scores[candidate] += weights[feature] * Double(list[candidate * width + feature]) }
                }
                let top = scores.max() ?? 0
                let exps = scores.map { exponential($0 - top) }
                let total = exps.reduce(0, +)
                for candidate in 0..<count {
                    let share = (exps[candidate] / total - (candidate == target ? 1 : 0)) / Double(features.count)
                    for feature in 0..<width { gradient[feature] += share * Double(list[candidate * width + feature]) }
                }
            }
            for feature in 0..<width { weights[feature] -= rate * gradient[feature] }
        }
        return weights.map(Float.init)
    }

    /// Bias and weights of `σ(b + w · x)` for labels (true = 1) by mean log-loss with L2 `l2`
    /// (the bias unpenalised). Inputs are standardised inside, so one rate fits every scale.
    static func binary(_ rows: [[Float]], labels: [Bool], balanced: Bool = false, l2: Double = 1e-3, iterations: Int = 800,
                       rate: Double = 0.5) -> [Float] {
        let width = rows.first?.count ?? 0
        guard !rows.isEmpty else { return [Float](repeating: 0, count: width + 1) }
        var means = [Double](repeating: 0, count: width), deviations = [Double](repeating: 0, count: width)
        for row in rows { for (index, value) in row.enumerated() { means[index] += Double(value) / Double(rows.count) } }
        for row in rows {
            for (index, value) in row.enumerated() { deviations[index] += (Double(value) - means[index]) * (Double(value) - means[index]) }
        }
        deviations = deviations.map { max(($0 / Double(rows.count)).squareRoot(), 1e-6) }
        let standard = rows.map { row in row.enumerated().map { (Double($0.element) - means[$0.offset]) / deviations[$0.offset] } }
        // Balanced: each class carries half the total weight, whatever its size.
        let positives = Double(labels.filter { $0 }.count), negatives = Double(labels.count) - positives
        let classWeight = { (label: Bool) -> Double in
            guard balanced, positives > 0, negatives > 0 else { return 1 }
            return Double(labels.count) / (2 * (label ? positives : negatives))
        }
        var weights = [Double](repeating: 0, count: width + 1)
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: width + 1)
            for feature in 0..<width { gradient[feature + 1] = l2 * weights[feature + 1] }
            for (row, label) in zip(standard, labels) {
                var z = weights[0]
                for feature in 0..<width { z += weights[feature + 1] * row[feature] }
                let error = classWeight(label) * (1 / (1 + exponential(-z)) - (label ? 1 : 0)) / Double(rows.count)
                gradient[0] += error
                for feature in 0..<width { gradient[feature + 1] += error * row[feature] }
            }
            for index in weights.indices { weights[index] -= rate * gradient[index] }
        }
        // Back to the original scale: w·(x − m)/s + b = (w/s)·x + (b − Σ w m / s).
        var result = [Float](repeating: 0, count: width + 1)
        var bias = weights[0]
        for feature in 0..<width {
            let weight = weights[feature + 1] / deviations[feature]
            result[feature + 1] = Float(weight)
            bias -= weight * means[feature]
        }
        result[0] = Float(bias)
        return result
    }
}

extension LogisticFit {
    /// `e^x` through the Learning module's own `exp` (the same bits on every platform).
    fileprivate static func exponential(_ x: Double) -> Double { Double(Activation.exp(Float(min(80, max(-80, x))))) }
}
