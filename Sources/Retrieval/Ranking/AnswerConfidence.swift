import Learning

/// How likely the top answer is right, from the re-ranked list: a logistic model of the top final
/// score, its margin over the second, the top neural similarity and the log of the top BM25 score,
/// fitted on held-out queries; below `minimumProbability` the answer is "no good answer".
public struct AnswerConfidence: Sendable, Equatable {
    /// Bias, then one weight per feature of `features(…)`.
    public var weights: [Float]
    /// The probability below which the ranker refuses to answer.
    public var minimumProbability: Float

    public init(weights: [Float], minimumProbability: Float) {
        precondition(weights.count == Self.featureCount + 1, "a bias and one weight per confidence feature")
        self.weights = weights
        self.minimumProbability = minimumProbability
    }

    static let featureCount = 4

    /// The confidence used without held-out data: σ(−9 + 6·neural + 2·log(1 + BM25)), so an
    /// answer needs both a close neural match and real lexical evidence (the fitted confidence on
    /// the bq-faq benchmark leans on the same two features).
    public static func unfitted(minimumProbability: Float) -> AnswerConfidence {
        AnswerConfidence(weights: [-9, 0, 0, 6, 2], minimumProbability: minimumProbability)
    }

    /// The confidence features of a re-ranked list's top: its final score, its margin over the
    /// second (the score itself when alone), its neural similarity, log(1 + its BM25 score).
    static func features(top: Float, second: Float?, neural: Float, bm25: Float) -> [Float] {
        [top, top - (second ?? 0), neural, Activation.log(1 + max(0, bm25))]
    }

    /// The probability that the top answer with `features` is right.
    func probability(_ features: [Float]) -> Float {
        var total = weights[0]
        for (index, value) in features.enumerated() { total += weights[index + 1] * value }
        return Activation.sigmoid(total)
    }
}
