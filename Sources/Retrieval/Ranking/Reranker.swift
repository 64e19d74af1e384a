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

    public init(vocabulary: RerankerVocabulary, encoder: SentenceEncoder, weights: RerankerWeights,
                confidence: AnswerConfidence, maximumTokens: Int) {
        precondition(encoder.embedding.wordCount == vocabulary.count, "one embedding row per vocabulary word")
        self.vocabulary = vocabulary
        self.encoder = encoder
        self.weights = weights
        self.confidence = confidence
        self.maximumTokens = maximumTokens
    }

    /// The name in reports and `:why`.
    public var method: String { "gru-attention" }

    /// The unit-length encoding of a text already cut into words (zeros for no words).
    func unitEncoding(_ words: [String]) -> [Float] {
        let rows = RerankerTokenizer.rows(words, vocabulary: vocabulary, embedding: encoder.embedding)
        guard rows.count > 0 else { return [Float](repeating: 0, count: encoder.outputSize) }
        return CosineSimilarity.normalized(encoder.encode(rows)).unit
    }

    /// The unit encodings of `texts`, flat (`texts.count × outputSize`), computed on `chunks` threads.
    func unitEncodings(_ texts: [String], segmenter: Segmenter, chunks: Int = 2) -> [Float] {
        let tokenizer = RerankerTokenizer(segmenter: segmenter, maximumTokens: maximumTokens)
        let ranges = ParallelChunks.ranges(count: texts.count, chunks: chunks)
        let model = self
        return ParallelChunks.map(ranges.count) { chunk in
            var workspace = SegmentationWorkspace()
            var vectors: [Float] = []
            vectors.reserveCapacity(ranges[chunk].count * model.encoder.outputSize)
            for index in ranges[chunk] { vectors += model.unitEncoding(tokenizer.words(texts[index], in: &workspace)) }
            return vectors
        }.flatMap { $0 }
    }

    /// The re-ranker ready for `index`: every indexed question (distractors too) encoded once, so
    /// a query costs one encoding and a dot product per candidate question.
    /// - Complexity: O(questions × encoding), on `chunks` threads.
    public func bind(to index: KnowledgeBaseIndex, chunks: Int = 2) -> RerankingIndex {
        let questions = (0..<index.questionCount).map { index.question(at: $0) }
        return RerankingIndex(reranker: self, index: index,
                              questionVectors: unitEncodings(questions, segmenter: index.extractor.segmenter, chunks: chunks))
    }
}
