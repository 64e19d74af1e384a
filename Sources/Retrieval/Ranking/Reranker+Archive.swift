import Learning

extension Reranker {
    /// The model as a `ModelArchive` (kind `kefu.reranker`): the encoder, the vocabulary, the score
    /// weights, the confidence and the token limit.
    public var archive: ModelArchive {
        var archive = ModelArchive(kind: Self.archiveKind)
        encoder.store(in: &archive)
        archive.set("vocabulary", .strings(vocabulary.words))
        archive.set("weights", Matrix(row: weights.weights))
        archive.set("confidence", Matrix(row: confidence.weights + [confidence.minimumProbability]))
        archive.set("maximum_tokens", .integers([Int64(maximumTokens)]))
        return archive
    }

    /// Reads a model stored by `archive`.
    /// - Throws: `ModelFileError` for a missing entry or a shape that does not fit.
    public init(archive: ModelArchive) throws(ModelFileError) {
        let encoder = try SentenceEncoder(archive: archive)
        let words = try archive.strings("vocabulary")
        guard words.count == encoder.embedding.wordCount else {
            throw .shapeMismatch(entry: "vocabulary", expected: "\(encoder.embedding.wordCount) words", found: "\(words.count)")
        }
        let weights = try archive.matrix("weights", rows: 1, columns: RerankerFeatures.count).values
        let confidence = try archive.matrix("confidence", rows: 1, columns: AnswerConfidence.featureCount + 2).values
        let limits = try archive.integers("maximum_tokens")
        guard limits.count == 1, let limit = limits.first, limit > 0, limit < 1 << 20 else {
            throw .shapeMismatch(entry: "maximum_tokens", expected: "one positive count", found: "\(limits)")
        }
        self.init(vocabulary: RerankerVocabulary(words: words), encoder: encoder, weights: RerankerWeights(weights: weights),
                  confidence: AnswerConfidence(weights: Array(confidence.dropLast()), minimumProbability: confidence.last ?? 0.5),
                  maximumTokens: Int(limit))
    }

    /// Writes the model to `path` (through a `.partial` file renamed into place).
    public func write(toFile path: String) throws(ModelFileError) { try archive.write(toFile: path) }

    /// Reads a model written by `write(toFile:)`.
    public init(contentsOfFile path: String) throws(ModelFileError) {
        try self.init(archive: ModelArchive(contentsOfFile: path, expectedKind: Self.archiveKind))
    }

    /// A fingerprint of every stored number (the same seed and data give the same hash).
    public var contentHash: UInt64 { archive.contentHash }
}
