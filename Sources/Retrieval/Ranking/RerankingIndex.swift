import Learning
import Segmentation

/// A `Reranker` bound to one `KnowledgeBaseIndex`, with every indexed question's encoding
/// precomputed: BM25 proposes candidates, the re-ranker scores them by the learned combination of
/// relative BM25 and neural similarity (an entry's best question), and answers only above its
/// calibrated confidence.
///
/// ```swift
/// let ranking = reranker.bind(to: index)
/// var workspace = RetrievalWorkspace()
/// ranking.rank("怎么还没发货", in: &workspace).first?.entryIndex   // the shipping-time entry
/// ```
public struct RerankingIndex: CandidateReranker {
    public let reranker: Reranker
    public let index: KnowledgeBaseIndex
    /// `questionCount × width` unit encodings, in the index's question numbering.
    let questionVectors: [Float]

    init(reranker: Reranker, index: KnowledgeBaseIndex, questionVectors: [Float]) {
        precondition(questionVectors.count == index.questionCount * reranker.encoder.outputSize, "one encoding per question")
        self.reranker = reranker
        self.index = index
        self.questionVectors = questionVectors
    }

    public var method: String { reranker.method }

    /// How many BM25 candidates a query re-ranks by default.
    public static let defaultDepth = 50

    /// `candidates` (from this index's `topK`) with final scores and neural scores, best first
    /// (ties keep BM25's order).
    public func rerank(_ candidates: [Candidate], for query: String, in index: KnowledgeBaseIndex) -> [Candidate] {
        var workspace = SegmentationWorkspace()
        return rerank(candidates, for: query, segmentation: &workspace)
    }

    /// The best `depth` BM25 candidates for `query`, re-ranked.
    public func rank(_ query: String, depth: Int = defaultDepth, in workspace: inout RetrievalWorkspace) -> [Candidate] {
        let candidates = index.topK(query, k: depth, in: &workspace)
        return rerank(candidates, for: query, segmentation: &workspace.terms.segmentation)
    }

    /// The best entry for `query` with its scores and confidence; nil when nothing matches or the
    /// best item is a distractor. `isAccepted` is false below the calibrated threshold.
    public func answer(_ query: String, depth: Int = defaultDepth, in workspace: inout RetrievalWorkspace) -> RankedAnswer? {
        let ranking = rank(query, depth: depth, in: &workspace)
        guard let top = ranking.first, let entry = top.entryIndex else { return nil }
        let probability = confidence(of: ranking)
        return RankedAnswer(id: index.entries[entry].id, candidate: top, confidence: probability,
                            isAccepted: probability >= reranker.confidence.minimumProbability)
    }

    /// The calibrated probability that a re-ranked list's first item is right.
    func confidence(of ranking: [Candidate]) -> Float {
        guard let top = ranking.first else { return 0 }
        let features = AnswerConfidence.features(top: top.score, second: ranking.dropFirst().first?.score,
                                                 neural: top.neuralScore ?? 0, bm25: top.bm25Score)
        return reranker.confidence.probability(features)
    }

    func rerank(_ candidates: [Candidate], for query: String, segmentation: inout SegmentationWorkspace) -> [Candidate] {
        guard !candidates.isEmpty else { return [] }
        let neural = neuralScores(of: candidates, query: query, segmentation: &segmentation)
        let features = RerankerFeatures.of(bm25: candidates.map(\.bm25Score), neural: neural)
        var scored = candidates
        for position in scored.indices {
            scored[position].neuralScore = neural[position]
            scored[position].score = reranker.weights.score(features, candidate: position)
        }
        return scored.enumerated()
            .sorted { $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset }
            .map(\.element)
    }

    /// The cosine of the query's encoding and each candidate's best question (an entry's questions
    /// all count; a distractor is one question).
    func neuralScores(of candidates: [Candidate], query: String, segmentation: inout SegmentationWorkspace) -> [Float] {
        let tokenizer = RerankerTokenizer(segmenter: index.extractor.segmenter, maximumTokens: reranker.maximumTokens)
        let queryVector = reranker.unitEncoding(tokenizer.words(query, in: &segmentation))
        let width = queryVector.count
        return queryVector.withUnsafeBufferPointer { queryBuffer in
            questionVectors.withUnsafeBufferPointer { vectors in
                candidates.map { candidate in
                    let questions = candidate.entryIndex.map { index.questionRange(ofEntry: $0) }
                        ?? candidate.question..<(candidate.question + 1)
                    var best = -Float.infinity
                    for question in questions {
                        let vector = UnsafeBufferPointer(rebasing: vectors[(question * width)..<((question + 1) * width)])
                        best = max(best, VectorMath.dot(queryBuffer, vector))
                    }
                    return best
                }
            }
        }
    }
}
