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
    /// Each question's known translation terms: `termStarts[q]..<termStarts[q+1]` of `termIDs`.
    let termStarts: [Int32]
    let termIDs: [Int32]
    /// Each question's number of terms, known or not.
    let termCounts: [Int32]
    /// λ·P(term | all questions) per known term: the background a query term falls back on in a
    /// question that does not translate it (so a missing common word costs little, a missing
    /// rare one much).
    let background: [Float]
    /// Each question's letters and digits (`LexicalOverlap.units`): `unitStarts[q]..<unitStarts[q+1]` of `units`.
    let unitStarts: [Int32]
    let units: [UInt32]

    init(reranker: Reranker, index: KnowledgeBaseIndex, questions: [Reranker.TextView]) {
        precondition(questions.count == index.questionCount, "one view per question")
        self.reranker = reranker
        self.index = index
        questionVectors = questions.flatMap(\.vector)
        var starts: [Int32] = [0]
        for question in questions { starts.append(starts[starts.count - 1] + Int32(question.terms.count)) }
        termStarts = starts
        termIDs = questions.flatMap(\.terms)
        termCounts = questions.map { Int32($0.termCount) }
        var counts = [Float](repeating: 0.5, count: reranker.translation.terms.count)
        for term in termIDs { counts[Int(term)] += 1 }
        let total = counts.reduce(0, +) + Float(termCounts.reduce(0) { $0 + Int($1) } - termIDs.count)
        background = counts.map { Self.backgroundShare * $0 / max(total, 1) }
        var unitStarts: [Int32] = [0], units: [UInt32] = []
        for question in 0..<index.questionCount {
            units += LexicalOverlap.units(index.question(at: question))
            unitStarts.append(Int32(units.count))
        }
        self.unitStarts = unitStarts
        self.units = units
    }

    public var method: String { reranker.method }

    /// How many BM25 candidates a query re-ranks by default.
    public static let defaultDepth = 50

    /// `candidates` (from this index's `topK`) with final scores and neural scores, best first
    /// (ties keep BM25's order).
    public func rerank(_ candidates: [Candidate], for query: String, in index: KnowledgeBaseIndex) -> [Candidate] {
        var workspace = TermWorkspace()
        return rerank(candidates, for: query, terms: &workspace)
    }

    /// The best `depth` BM25 candidates for `query`, re-ranked.
    public func rank(_ query: String, depth: Int = defaultDepth, in workspace: inout RetrievalWorkspace) -> [Candidate] {
        let candidates = index.topK(query, k: depth, in: &workspace)
        return rerank(candidates, for: query, terms: &workspace.terms)
    }

    /// The best entry for `query` with its scores and confidence; nil when nothing matches or the
    /// best item is a distractor. `isAccepted` is false below the calibrated threshold.
    public func answer(_ query: String, depth: Int = defaultDepth, in workspace: inout RetrievalWorkspace) -> RankedAnswer? {
        answer(from: rank(query, depth: depth, in: &workspace))
    }

    /// The best entry of a list `rank` returned, with its confidence (as `answer(_:depth:in:)`
    /// gives it), so a caller that shows the whole list ranks once.
    public func answer(from ranking: [Candidate]) -> RankedAnswer? {
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

    func rerank(_ candidates: [Candidate], for query: String, terms: inout TermWorkspace) -> [Candidate] {
        guard !candidates.isEmpty else { return [] }
        let scores = scores(of: candidates, query: query, terms: &terms)
        let neural = scores.neural
        let features = RerankerFeatures.of(bm25: candidates.map(\.bm25Score), scores: scores)
        var scored = candidates
        for position in scored.indices {
            scored[position].neuralScore = neural[position]
            scored[position].score = reranker.weights.score(features, candidate: position)
        }
        return scored.enumerated()
            .sorted { $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset }
            .map(\.element)
    }

    /// The questions a candidate stands for: an entry's all, a distractor's one.
    private func questions(of candidate: Candidate) -> Range<Int> {
        candidate.entryIndex.map { index.questionRange(ofEntry: $0) } ?? candidate.question..<(candidate.question + 1)
    }

    /// For each candidate, the cosine of the query's encoding and its best question's, its best
    /// question's translation score (the mean over the query's known terms f of
    /// log(λ·P(f | all questions) + (1 − λ)·Σ_e t(f | e) / |question|)), its best surface overlap
    /// (`LexicalOverlap`) and the words and characters parts of its BM25 score.
    func scores(of candidates: [Candidate], query: String, terms: inout TermWorkspace) -> CandidateScores {
        let view = reranker.view(query, segmenter: index.extractor.segmenter, in: &terms.segmentation)
        let width = view.vector.count
        let neural = view.vector.withUnsafeBufferPointer { queryBuffer in
            questionVectors.withUnsafeBufferPointer { vectors in
                candidates.map { candidate in
                    var best = -Float.infinity
                    for question in questions(of: candidate) {
                        let vector = UnsafeBufferPointer(rebasing: vectors[(question * width)..<((question + 1) * width)])
                        best = max(best, VectorMath.dot(queryBuffer, vector))
                    }
                    return best
                }
            }
        }
        index.extractor.extract(query, in: &terms)
        var fields: [Float] = []
        fields.reserveCapacity(2 * candidates.count)
        for candidate in candidates {
            let parts = index.fieldScores(wordKeys: terms.wordKeys, characterKeys: terms.characterKeys, question: candidate.question)
            fields += [parts.words, parts.characters]
        }
        let translation = translationScores(of: candidates, queryTerms: view.terms, weights: &terms.translationWeights)
        return CandidateScores(neural: neural, translation: translation,
                               lexical: lexicalScores(of: candidates, query: query), fields: fields)
    }

    /// `LexicalOverlap.count` features a candidate: each the best over the candidate's questions.
    private func lexicalScores(of candidates: [Candidate], query: String) -> [Float] {
        let queryUnits = LexicalOverlap.units(query)
        var features = [Float](repeating: 0, count: candidates.count * LexicalOverlap.count)
        var row: [Int32] = []
        queryUnits.withUnsafeBufferPointer { queryBuffer in
            units.withUnsafeBufferPointer { all in
                for (position, candidate) in candidates.enumerated() {
                    let base = position * LexicalOverlap.count
                    for question in questions(of: candidate) {
                        let slice = UnsafeBufferPointer(rebasing: all[Int(unitStarts[question])..<Int(unitStarts[question + 1])])
                        let overlap = LexicalOverlap.features(query: queryBuffer, question: slice, row: &row)
                        features[base] = max(features[base], overlap.dice)
                        features[base + 1] = max(features[base + 1], overlap.substring)
                        features[base + 2] = max(features[base + 2], overlap.length)
                    }
                }
            }
        }
        return features
    }

    /// `weights` is scratch space, one zero per translation-table term on entry and on return.
    private func translationScores(of candidates: [Candidate], queryTerms: [Int32], weights: inout [Float]) -> [Float] {
        let table = reranker.translation
        guard !queryTerms.isEmpty else { return [Float](repeating: 0, count: candidates.count) }
        if weights.count != table.terms.count { weights = [Float](repeating: 0, count: table.terms.count) }
        // The candidates' questions laid end to end, with each question's running total.
        var questionIDs: [Int] = []
        var ends: [Int] = []
        ends.reserveCapacity(candidates.count)
        for candidate in candidates {
            questionIDs.append(contentsOf: questions(of: candidate))
            ends.append(questionIDs.count)
        }
        var totals = [Float](repeating: 0, count: questionIDs.count)
        let share = 1 - Self.backgroundShare
        for term in queryTerms {
            let row = Int(table.starts[Int(term)])..<Int(table.starts[Int(term) + 1])
            for entry in row { weights[Int(table.sources[entry])] = table.probabilities[entry] }
            let floor = background[Int(term)]
            for (slot, question) in questionIDs.enumerated() {
                var sum: Float = 0
                for position in Int(termStarts[question])..<Int(termStarts[question + 1]) { sum += weights[Int(termIDs[position])] }
                totals[slot] += Activation.log(floor + share * sum / Float(max(1, termCounts[question])))
            }
            for entry in row { weights[Int(table.sources[entry])] = 0 }
        }
        var start = 0
        return ends.map { end in
            defer { start = end }
            return (totals[start..<end].max() ?? 0) / Float(queryTerms.count)
        }
    }

    /// λ, the background's share in a question's term probabilities (Jelinek–Mercer smoothing).
    static let backgroundShare: Float = 0.2
}
