/// The seam for a second stage that re-orders BM25's candidates (the neural re-ranker).
///
/// `KnowledgeBaseIndex.topK` proposes candidates with their BM25 scores; a re-ranker returns the
/// same candidates with `score` replaced and the list sorted by it (best first), keeping
/// `bm25Score` so `:why` can show both. `BM25Ranking` is the identity: BM25 alone.
public protocol CandidateReranker: Sendable {
    /// A short name for reports and `:why` (`bm25`, `gru-attention`).
    var method: String { get }
    /// `candidates` (from `index.topK(query, …)`) re-scored and sorted, best first.
    func rerank(_ candidates: [Candidate], for query: String, in index: KnowledgeBaseIndex) -> [Candidate]
}

/// BM25 alone: the candidates as `topK` ranked them.
public struct BM25Ranking: CandidateReranker {
    public init() {}
    public var method: String { "bm25" }
    public func rerank(_ candidates: [Candidate], for query: String, in index: KnowledgeBaseIndex) -> [Candidate] {
        candidates
    }
}
