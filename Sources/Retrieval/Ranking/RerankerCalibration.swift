import ChatCore
import Learning
import Segmentation

/// Fits a re-ranker's score weights and answer confidence on held-out queries: the weights by a
/// softmax over each query's BM25 candidates with the right one as target, then the confidence by
/// logistic regression on whether the re-ranked top is right (queries with no right entry count as
/// wrong whatever comes first).
enum RerankerCalibration {
    /// One held-out query's candidates as the re-ranker sees them.
    struct ScoredList: Sendable {
        var candidates: [Candidate]
        var neural: [Float]
        var features: [Float]
        /// The position of the right entry among `candidates`, if it is there.
        var right: Int?
        /// Whether the query has a right entry at all.
        var answerable: Bool
    }

    /// `draft` with weights and confidence fitted on `split`'s held-out queries; `draft` itself when
    /// there are none.
    static func fit(_ draft: Reranker, split: RerankerTrainingSplit, distractors: [String], segmenter: Segmenter,
                    parameters: BM25Parameters, options: RerankerTrainingOptions,
                    progress: (TrainingProgress) -> Void) -> Reranker {
        let queries = split.heldOutQueries
        guard !queries.isEmpty,
              let index = try? KnowledgeBaseIndex(entries: split.calibrationEntries, distractors: distractors,
                                                  segmenter: segmenter, parameters: parameters) else { return draft }
        progress(TrainingProgress(stage: "calibration", completed: 0, total: queries.count))
        let lists = scoredLists(queries, ranking: draft.bind(to: index, chunks: options.chunks), depth: options.candidateDepth,
                                chunks: options.chunks)
        var reranker = draft
        let rankable = lists.filter { $0.right != nil }
        if rankable.count >= 10 {
            reranker.weights = RerankerWeights(weights: LogisticFit.listwise(
                features: rankable.map(\.features), width: RerankerFeatures.count, right: rankable.compactMap(\.right),
                start: RerankerWeights.unfitted.weights))
        }
        var rows: [[Float]] = [], labels: [Bool] = []
        for list in lists where !list.candidates.isEmpty {
            let finals = list.candidates.indices.map { reranker.weights.score(list.features, candidate: $0) }
            let order = finals.indices.sorted { finals[$0] != finals[$1] ? finals[$0] > finals[$1] : $0 < $1 }
            let top = order[0]
            rows.append(AnswerConfidence.features(top: finals[top], second: order.count > 1 ? finals[order[1]] : nil,
                                                  neural: list.neural[top], bm25: list.candidates[top].bm25Score))
            labels.append(list.answerable && list.right == top)
        }
        if labels.contains(true) && labels.contains(false) {
            reranker.confidence = AnswerConfidence(weights: LogisticFit.binary(rows, labels: labels, balanced: options.balancesConfidence),
                                                   minimumProbability: options.minimumConfidence)
        }
        progress(TrainingProgress(stage: "calibration", completed: queries.count, total: queries.count))
        return reranker
    }

    /// Every query's BM25 candidates in `ranking`'s index with their neural scores and features.
    static func scoredLists(_ queries: [RerankerTrainingSplit.HeldOutQuery], ranking: RerankingIndex, depth: Int,
                            chunks: Int) -> [ScoredList] {
        let ranges = ParallelChunks.ranges(count: queries.count, chunks: chunks)
        return ParallelChunks.map(ranges.count) { chunk in
            var workspace = RetrievalWorkspace()
            return ranges[chunk].map { position in
                let query = queries[position]
                let candidates = ranking.index.topK(query.text, k: depth, in: &workspace)
                let scores = ranking.scores(of: candidates, query: query.text, terms: &workspace.terms)
                return ScoredList(candidates: candidates, neural: scores.neural,
                                  features: RerankerFeatures.of(bm25: candidates.map(\.bm25Score), scores: scores),
                                  right: query.answer.flatMap { answer in candidates.firstIndex { $0.entryIndex == answer } },
                                  answerable: query.answer != nil)
            }
        }.flatMap { $0 }
    }
}
