import Learning

/// The features a re-ranker scores a candidate by, computed per query from BM25's candidate list
/// and the neural similarities (flat arrays, `count` numbers a candidate).
///
/// For 「发货要多久」 with candidates 「什么时候发货」 (BM25 7.9, cosine 0.82) and 「运费怎么算」
/// (BM25 1.1, cosine 0.20) the first candidate's features are 1, 0.82, 1, 1, 0.82 and the
/// second's 0.14, 0.20, 0.5, 0.5, 0.03.
///
/// Only differences between a query's candidates matter to the ranking (a softmax over them), so
/// every feature varies between candidates.
enum RerankerFeatures {
    /// The names, in order, for reports and the model file.
    static let names = ["bm25_relative", "neural", "bm25_reciprocal_rank", "neural_reciprocal_rank", "bm25_relative_x_neural",
                        "translation"]
    static var count: Int { names.count }

    /// The features of each candidate: BM25 divided by the query's best BM25, the neural
    /// similarity, 1 / BM25 rank, 1 / neural rank, the product of the first two, and the
    /// translation score (`TermTranslation`). `bm25` is in BM25 order (best first), the others
    /// parallel to it.
    static func of(bm25: [Float], neural: [Float], translation: [Float]) -> [Float] {
        precondition(bm25.count == neural.count, "one neural score per candidate")
        let best = bm25.first ?? 0
        var neuralRanks = [Float](repeating: 0, count: neural.count)
        let byNeural = neural.indices.sorted { neural[$0] != neural[$1] ? neural[$0] > neural[$1] : $0 < $1 }
        for (rank, candidate) in byNeural.enumerated() { neuralRanks[candidate] = Float(rank + 1) }
        var features: [Float] = []
        features.reserveCapacity(bm25.count * count)
        for index in bm25.indices {
            let relative = best > 0 ? bm25[index] / best : 0
            features.append(relative)
            features.append(neural[index])
            features.append(1 / Float(index + 1))
            features.append(1 / neuralRanks[index])
            features.append(relative * neural[index])
            features.append(translation[index])
        }
        return features
    }
}

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
    public static let unfitted = RerankerWeights(weights: [1, 2, 0, 0, 0, 0])

    /// The final score of candidate `candidate` in a flat feature list.
    func score(_ features: [Float], candidate: Int) -> Float {
        let base = candidate * weights.count
        var total: Float = 0
        for (offset, weight) in weights.enumerated() { total += weight * features[base + offset] }
        return total
    }
}

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
