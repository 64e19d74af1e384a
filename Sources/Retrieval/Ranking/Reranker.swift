import Learning
import Segmentation

/// The trained neural re-ranker: a sentence encoder (word and character n-gram embeddings → GRU →
/// additive attention), the learned weights that combine its similarity with BM25, and the
/// calibrated confidence below which there is no good answer. An immutable `Sendable` value.
///
/// ```swift
/// let reranker = try RerankerTrainer.train(on: index, pairs: pairs, options: .init(seed: 7))
/// let ranking = reranker.bind(to: index)          // encodes every indexed question once
/// var workspace = RetrievalWorkspace()
/// ranking.answer("发货要多久", in: &workspace)?.id  // "shipping-time"
/// ```
public struct Reranker: Sendable, Equatable {
    /// The kind written in the model file.
    public static let archiveKind = "kefu.reranker"

    public let vocabulary: RerankerVocabulary
    public let encoder: SentenceEncoder
    /// How candidates' features become final scores.
    public var weights: RerankerWeights
    /// When the top answer is good enough to give.
    public var confidence: AnswerConfidence
    /// Longer texts are cut to this many tokens.
    public let maximumTokens: Int
    /// What the encoder steps over.
    public let unit: RerankerTokenUnit
    /// Word translation probabilities from the training pairs.
    public let translation: TermTranslation

    public init(vocabulary: RerankerVocabulary, encoder: SentenceEncoder, weights: RerankerWeights,
                confidence: AnswerConfidence, maximumTokens: Int, unit: RerankerTokenUnit = .words,
                translation: TermTranslation = .empty) {
        precondition(encoder.embedding.wordCount == vocabulary.count, "one embedding row per vocabulary word")
        self.vocabulary = vocabulary
        self.encoder = encoder
        self.weights = weights
        self.confidence = confidence
        self.maximumTokens = maximumTokens
        self.unit = unit
        self.translation = translation
    }

    /// The tokenizer this model reads texts with.
    func tokenizer(_ segmenter: Segmenter) -> RerankerTokenizer {
        RerankerTokenizer(segmenter: segmenter, maximumTokens: maximumTokens, unit: unit)
    }

    /// The name in reports and `:why`.
    public var method: String { "gru-attention" }

    /// The unit-length encoding of a text already cut into words (zeros for no words).
    func unitEncoding(_ words: [String]) -> [Float] {
        let rows = RerankerTokenizer.rows(words, vocabulary: vocabulary, embedding: encoder.embedding)
        guard rows.count > 0 else { return [Float](repeating: 0, count: encoder.outputSize) }
        return CosineSimilarity.normalized(encoder.encode(rows)).unit
    }

    /// What a query or question is to the re-ranker: its unit encoding, its known translation
    /// terms and its number of terms.
    struct TextView: Sendable {
        var vector: [Float]
        var terms: [Int32]
        var termCount: Int
    }

    /// `text` as the re-ranker sees it.
    func view(_ text: String, segmenter: Segmenter, in workspace: inout SegmentationWorkspace) -> TextView {
        let words = RerankerTokenizer(segmenter: segmenter, maximumTokens: maximumTokens, unit: .words).words(text, in: &workspace)
        let units = unit == .words ? words : tokenizer(segmenter).words(text, in: &workspace)
        return TextView(vector: unitEncoding(units), terms: translation.termIDs(words),
                        termCount: TermTranslation.terms(of: words).count)
    }

    /// The re-ranker ready for `index`: every indexed question (distractors too) encoded once, so
    /// a query costs one encoding and a dot product per candidate question.
    /// - Complexity: O(questions × encoding), on `chunks` threads.
    public func bind(to index: KnowledgeBaseIndex, chunks: Int = 2) -> RerankingIndex {
        let segmenter = index.extractor.segmenter
        let ranges = ParallelChunks.ranges(count: index.questionCount, chunks: chunks)
        let model = self
        let views = ParallelChunks.map(ranges.count) { chunk in
            var workspace = SegmentationWorkspace()
            return ranges[chunk].map { model.view(index.question(at: $0), segmenter: segmenter, in: &workspace) }
        }.flatMap { $0 }
        return RerankingIndex(reranker: self, index: index, questions: views)
    }
}
