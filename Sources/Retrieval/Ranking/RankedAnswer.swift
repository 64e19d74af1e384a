/// The re-ranker's answer to a query: the entry it chose, every score that led there (for `:why`),
/// how likely it is right, and whether that clears the "no good answer" threshold.
///
/// For 「发货要多久」: id `shipping-time`, BM25 7.9, neural 0.82, final 2.4, confidence 0.91,
/// accepted. An unrelated 「今天天气怎么样」 gets no answer or one with `isAccepted == false`, and
/// the dialogue falls back.
public struct RankedAnswer: Hashable, Sendable {
    /// The entry's id.
    public var id: String
    /// The top candidate after re-ranking (its `score` is the final score).
    public var candidate: Candidate
    /// The calibrated probability that this entry is the right answer.
    public var confidence: Float
    /// Whether `confidence` clears the re-ranker's threshold.
    public var isAccepted: Bool

    public init(id: String, candidate: Candidate, confidence: Float, isAccepted: Bool) {
        self.id = id
        self.candidate = candidate
        self.confidence = confidence
        self.isAccepted = isAccepted
    }

    public var bm25Score: Float { candidate.bm25Score }
    public var neuralScore: Float { candidate.neuralScore ?? 0 }
    public var finalScore: Float { candidate.score }
}
