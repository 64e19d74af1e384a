/// A trained linear classifier stored feature-major (`weights[feature × classes + class]`), so
/// scoring a sparse line touches only the rows of its features.
struct LinearScorer: Sendable, Equatable {
    var classCount: Int
    var weights: [Float]
    var biases: [Float]

    /// Joins one-vs-rest class weights into the feature-major layout.
    init(classes: [LinearSVMTrainer.ClassWeights], featureCount: Int) {
        classCount = classes.count
        biases = classes.map(\.bias)
        var weights = [Float](repeating: 0, count: featureCount * classes.count)
        for (label, trained) in classes.enumerated() {
            for feature in 0..<featureCount { weights[feature * classes.count + label] = trained.weights[feature] }
        }
        self.weights = weights
    }

    init(classCount: Int, weights: [Float], biases: [Float]) {
        self.classCount = classCount
        self.weights = weights
        self.biases = biases
    }

    /// The margin of each class for `vector`.
    /// - Complexity: O(non-zeros × classes).
    func scores(_ vector: SparseVector) -> [Float] {
        var scores = biases
        let classes = classCount
        scores.withUnsafeMutableBufferPointer { out in
            weights.withUnsafeBufferPointer { w in
                vector.indices.withUnsafeBufferPointer { indices in
                    vector.values.withUnsafeBufferPointer { values in
                        // Raw pointers: the loop over the classes runs without bounds checks and vectorises.
                        guard let out = out.baseAddress, let w = w.baseAddress else { return }
                        for position in indices.indices {
                            let value = values[position]
                            let row = w + Int(indices[position]) * classes
                            for label in 0..<classes { out[label] += value * row[label] }
                        }
                    }
                }
            }
        }
        return scores
    }
}
