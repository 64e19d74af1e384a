import ChatCore
import Dialogue
import Retrieval

/// The knowledge base as the dialogue searches it: BM25 candidates re-ranked by the neural
/// re-ranker, each with its calibrated confidence.
public struct KnowledgeBaseSearch: KnowledgeSearch {
    /// nil for a bot without a knowledge base.
    public let ranking: RerankingIndex?

    public init(ranking: RerankingIndex?) {
        self.ranking = ranking
    }

    /// Finds nothing.
    public static let empty = KnowledgeBaseSearch(ranking: nil)

    public func answers(for query: String, limit: Int) -> [KnowledgeAnswer] {
        guard let ranking, limit > 0 else { return [] }
        var workspace = RetrievalWorkspace()
        guard let best = ranking.answer(query, in: &workspace) else { return [] }
        var answers = [KnowledgeAnswer(choice: Self.choice(id: best.id, candidate: best.candidate, confidence: best.confidence),
                                       isAccepted: best.isAccepted)]
        if limit > 1 {
            for candidate in ranking.rank(query, in: &workspace).dropFirst() {
                guard answers.count < limit, let entry = candidate.entryIndex else { continue }
                let id = ranking.index.entries[entry].id
                answers.append(KnowledgeAnswer(choice: Self.choice(id: id, candidate: candidate, confidence: 0), isAccepted: false))
            }
        }
        return answers
    }

    private static func choice(id: String, candidate: Candidate, confidence: Float) -> AnswerChoice {
        AnswerChoice(id: id, confidence: Double(confidence), bm25: Double(candidate.bm25Score),
                     neural: Double(candidate.neuralScore ?? 0), score: Double(candidate.score))
    }
}
