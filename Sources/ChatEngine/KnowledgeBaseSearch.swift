import ChatCore
import Dialogue
import Privacy
import Retrieval

/// The knowledge base as the dialogue searches it: BM25 candidates re-ranked by the neural
/// re-ranker, the first with its calibrated confidence and whether it clears the threshold.
///
/// 「退货运费谁出」 → `return-shipping-fee` (accepted), then the runners-up with confidence 0.
public struct KnowledgeBaseSearch: KnowledgeSearch {
    /// nil for a bot without a knowledge base (or without a trained re-ranker).
    public let ranking: RerankingIndex?
    /// Each question's `KnowledgeAnswer.matchingKey` → its entry (the first entry wins).
    let entryByQuestion: [String: Int]
    /// Queries are read through it, as they are written to disk: a masked recording of a line
    /// finds what the live line found.
    public let mask: PrivacyMask

    public init(ranking: RerankingIndex?, mask: PrivacyMask = .off) {
        self.ranking = ranking
        self.mask = mask
        var entries: [String: Int] = [:]
        for (number, entry) in (ranking?.index.entries ?? []).enumerated() {
            for question in entry.questions {
                let key = KnowledgeAnswer.matchingKey(question)
                if !key.isEmpty, entries[key] == nil { entries[key] = number }
            }
        }
        entryByQuestion = entries
    }

    /// Finds nothing.
    public static let empty = KnowledgeBaseSearch(ranking: nil)

    /// How many BM25 candidates a line's search re-ranks. On the demo bot 10, 20, 30 and 50 give
    /// the same dialogue figures (tuning splits) and transcript results, and replies differ on 1
    /// line in 30,000 (where 20 answers better); 20 takes 30 % less time a turn than 50 (`kefu eval
    /// faq` keeps 50, the depth the re-ranker is trained and calibrated at).
    public static let depth = 20

    /// The best entries for `query`, best first: the first with its calibrated confidence and
    /// acceptance, the others (runners-up, for `:why` and `:kb`) with confidence 0, never accepted.
    /// A query that is word for word one of an entry's questions puts that entry first, accepted
    /// with confidence 1 and marked an exact match. One BM25 search and one re-ranking, in a
    /// workspace of this call's own.
    public func answers(for line: String, limit: Int) -> [KnowledgeAnswer] {
        guard let ranking, limit > 0 else { return [] }
        let query = mask.mask(line)
        var workspace = RetrievalWorkspace()
        var candidates = ranking.rank(query, depth: Self.depth, in: &workspace)
        if let exact = entryByQuestion[KnowledgeAnswer.matchingKey(query)],
           let position = candidates.firstIndex(where: { $0.entryIndex == exact }) {
            let candidate = candidates.remove(at: position)
            var answers = [KnowledgeAnswer(choice: Self.choice(id: ranking.index.entries[exact].id, candidate: candidate, confidence: 1),
                                           isAccepted: true, isExactMatch: true)]
            answers += runnersUp(candidates, in: ranking, limit: limit - 1)
            return answers
        }
        guard let best = ranking.answer(from: candidates) else { return [] }
        var answers = [KnowledgeAnswer(choice: Self.choice(id: best.id, candidate: best.candidate, confidence: best.confidence),
                                       isAccepted: best.isAccepted)]
        answers += runnersUp(candidates.dropFirst(), in: ranking, limit: limit - 1)
        return answers
    }

    public func exactMatch(for line: String) -> KnowledgeAnswer? {
        guard let ranking, let entry = entryByQuestion[KnowledgeAnswer.matchingKey(mask.mask(line))] else { return nil }
        return KnowledgeAnswer(choice: AnswerChoice(id: ranking.index.entries[entry].id, confidence: 1), isAccepted: true,
                               isExactMatch: true)
    }

    /// Up to `limit` entries of `candidates` (distractors skipped) with confidence 0, not accepted.
    private func runnersUp(_ candidates: some Collection<Candidate>, in ranking: RerankingIndex, limit: Int) -> [KnowledgeAnswer] {
        var answers: [KnowledgeAnswer] = []
        for candidate in candidates where answers.count < limit {
            guard let entry = candidate.entryIndex else { continue }
            let id = ranking.index.entries[entry].id
            answers.append(KnowledgeAnswer(choice: Self.choice(id: id, candidate: candidate, confidence: 0), isAccepted: false))
        }
        return answers
    }

    private static func choice(id: String, candidate: Candidate, confidence: Float) -> AnswerChoice {
        AnswerChoice(id: id, confidence: Double(confidence), bm25: Double(candidate.bm25Score),
                     neural: Double(candidate.neuralScore ?? 0), score: Double(candidate.score))
    }
}
