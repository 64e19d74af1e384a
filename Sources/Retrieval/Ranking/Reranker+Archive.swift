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
        archive.set("token_unit", .integers([Int64(unit.rawValue)]))
        archive.set("translation.terms", .strings(translation.terms))
        archive.set("translation.starts", .integers(translation.starts.map(Int64.init)))
        archive.set("translation.sources", .integers(translation.sources.map(Int64.init)))
        archive.set("translation.probabilities", Matrix(row: translation.probabilities))
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
        let units = try archive.integers("token_unit")
        guard units.count == 1, let unit = units.first.flatMap({ RerankerTokenUnit(rawValue: Int($0)) }) else {
            throw .shapeMismatch(entry: "token_unit", expected: "0 (words) or 1 (characters)", found: "\(units)")
        }
        let translation = try Self.translation(in: archive)
        self.init(vocabulary: RerankerVocabulary(words: words), encoder: encoder, weights: RerankerWeights(weights: weights),
                  confidence: AnswerConfidence(weights: Array(confidence.dropLast()), minimumProbability: confidence.last ?? 0.5),
                  maximumTokens: Int(limit), unit: unit, translation: translation)
    }

    /// The translation table stored by `archive`, checked to be consistent.
    private static func translation(in archive: ModelArchive) throws(ModelFileError) -> TermTranslation {
        let terms = try archive.strings("translation.terms")
        let starts = try archive.integers("translation.starts"), sources = try archive.integers("translation.sources")
        let probabilities = try archive.matrix("translation.probabilities", rows: 1).values
        guard starts.count == terms.count + 1, starts.first == 0, starts.last == Int64(sources.count),
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }), sources.count == probabilities.count,
              sources.allSatisfy({ $0 >= 0 && $0 < Int64(terms.count) }) else {
            throw .shapeMismatch(entry: "translation", expected: "rows for \(terms.count) terms",
                                 found: "\(starts.count) row starts, \(sources.count) sources, \(probabilities.count) probabilities")
        }
        return TermTranslation(terms: terms, starts: starts.map { Int32($0) }, sources: sources.map { Int32($0) },
                               probabilities: probabilities)
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
