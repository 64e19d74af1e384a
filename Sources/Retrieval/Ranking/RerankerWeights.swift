/// The learned weights that turn a candidate's features into its final score.
public struct RerankerWeights: Sendable, Equatable {
    /// One weight per feature (`RerankerFeatures.names`).
    public var weights: [Float]

    public init(weights: [Float]) {
        precondition(weights.count == RerankerFeatures.count, "one weight per re-ranker feature")
        self.weights = weights
    }

    /// The weights used before (or without) fitting: relative BM25 plus twice the neural
    /// similarity (the neural side weighed about twice BM25 in fits on the bq-faq benchmark).
    public static let unfitted = RerankerWeights(weights: [1, 2] + [Float](repeating: 0, count: RerankerFeatures.count - 2))

    /// The final score of candidate `candidate` in a flat feature list.
    func score(_ features: [Float], candidate: Int) -> Float {
        let base = candidate * weights.count
        var total: Float = 0
        for (offset, weight) in weights.enumerated() { total += weight * features[base + offset] }
        return total
    }
}
