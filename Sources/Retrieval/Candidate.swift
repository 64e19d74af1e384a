/// One ranked result of a knowledge-base search: the entry (or distractor) it points to, the
/// question that matched best, and its scores.
///
/// For 「发货要多久」 the first candidate might be entry `shipping-time` through its question
/// 「什么时候发货」 with a BM25 score of 7.9. A distractor candidate answers nothing: it says the
/// query looks most like a question the knowledge base does not answer.
public struct Candidate: Hashable, Sendable {
    /// What a candidate points to.
    public enum Source: Hashable, Sendable {
        /// An entry, by its index in `KnowledgeBaseIndex.entries`.
        case entry(Int)
        /// A distractor question, by its index in `KnowledgeBaseIndex.distractors`.
        case distractor(Int)
    }

    public var source: Source
    /// The best-matching question, as a question index of the `KnowledgeBaseIndex`
    /// (`index.question(at:)` gives its text).
    public var question: Int
    /// The BM25 score of that question (the entry's score).
    public var bm25Score: Float
    /// The score the ranking is ordered by: the BM25 score until a re-ranker replaces it.
    public var score: Float
    /// The re-ranker's neural similarity of the query and this item (its best question), or nil
    /// when no re-ranker has scored it.
    public var neuralScore: Float? = nil

    public init(source: Source, question: Int, bm25Score: Float, score: Float) {
        self.source = source
        self.question = question
        self.bm25Score = bm25Score
        self.score = score
    }

    /// The entry's index, or nil for a distractor.
    public var entryIndex: Int? {
        if case .entry(let index) = source { return index }
        return nil
    }
}
