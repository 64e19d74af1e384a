import Segmentation

extension IntentModel {
    /// The first bytes of every intent model file.
    static let magic = Array("KEFUINTM".utf8)
    /// The format version this build writes and reads.
    static let formatVersion: UInt32 = 1

    /// The model as bytes: magic, version, shapes, the vocabulary, both classifiers, the
    /// calibration and the out-of-scope rule, and a checksum of everything before it.
    /// The same model always gives the same bytes.
    public func serialized() -> [UInt8] {
        var writer = ModelWriter()
        writer.write(raw: Self.magic)
        writer.write(Self.formatVersion)
        let vocabulary = vectorizer.vocabulary
        writer.write(labels.count)
        writer.write(vocabulary.count)
        writer.write(embedding.dimension)
        writer.write(outOfScopeClass ?? -1)
        for label in labels { writer.write(label) }
        writer.write(extractor.minimumGram)
        writer.write(extractor.maximumGram)
        writer.write(vectorizer.wordBlockWeight)
        writer.write(vocabulary.keys)
        writer.write(raw: vocabulary.blocks.map(\.rawValue))
        writer.write(vocabulary.inverseDocumentFrequency)
        writer.write(linear.weights)
        writer.write(linear.biases)
        writer.write(embedding.input)
        writer.write(embedding.output)
        writer.write(combination.linearScale)
        writer.write(combination.embeddingScale)
        writer.write(combination.linearWeight)
        writer.write(rule.threshold)
        writer.write(ModelChecksum.of(writer.bytes))
        return writer.bytes
    }

    /// Reads a model written by `serialized()`.
    /// - Throws: `IntentModelFormatError` for foreign bytes, another version, a checksum that does
    ///   not match, a truncated file or inconsistent shapes.
    public init(serialized bytes: [UInt8], segmenter: Segmenter) throws(IntentModelFormatError) {
        guard bytes.count >= Self.magic.count + 12, Array(bytes[0..<Self.magic.count]) == Self.magic else {
            throw IntentModelFormatError("it does not start with the intent model magic \"KEFUINTM\"")
        }
        var reader = ModelReader(bytes, from: Self.magic.count, to: bytes.count - 8)
        let version = try reader.readUInt32()
        guard version == Self.formatVersion else {
            throw IntentModelFormatError("format version \(version), this build reads version \(Self.formatVersion)")
        }
        var tail = ModelReader(bytes, from: bytes.count - 8, to: bytes.count)
        guard try tail.readUInt64() == ModelChecksum.of(Array(bytes[0..<(bytes.count - 8)])) else {
            throw IntentModelFormatError("the checksum does not match: the file is damaged or truncated")
        }
        let classCount = try reader.readInt(atMost: 1 << 20)
        let featureCount = try reader.readInt()
        let dimension = try reader.readInt(atMost: 4096)
        let outOfScope = Int(Int64(bitPattern: try reader.readUInt64()))
        guard classCount >= 2, outOfScope >= -1, outOfScope < classCount, dimension > 0 else {
            throw IntentModelFormatError("the shapes are inconsistent (\(classCount) classes, dimension \(dimension))")
        }
        var labels: [String] = []
        for _ in 0..<classCount { labels.append(try reader.readString()) }
        let minimumGram = try reader.readInt(atMost: 16)
        let maximumGram = try reader.readInt(atMost: 16)
        let wordBlockWeight = try reader.readFloat()
        let keys = try reader.readUInt64s()
        let blockBytes = try reader.readRaw(featureCount)
        var blocks: [FeatureBlock] = []
        for byte in blockBytes {
            guard let block = FeatureBlock(rawValue: byte) else { throw IntentModelFormatError("unknown feature block \(byte)") }
            blocks.append(block)
        }
        let idf = try reader.readFloats(count: featureCount)
        guard keys.count == featureCount else { throw IntentModelFormatError("the vocabulary holds \(keys.count) keys, not \(featureCount)") }
        let weights = try reader.readFloats(count: featureCount * classCount)
        let biases = try reader.readFloats(count: classCount)
        let input = try reader.readFloats(count: featureCount * dimension)
        let output = try reader.readFloats(count: classCount * dimension)
        let combination = ScoreCombination(linearScale: try reader.readFloat(), embeddingScale: try reader.readFloat(),
                                           linearWeight: try reader.readFloat())
        let threshold = try reader.readFloat()
        guard reader.position == reader.end else { throw IntentModelFormatError("\(reader.end - reader.position) unexpected bytes at the end") }
        self.init(labels: labels, outOfScopeClass: outOfScope < 0 ? nil : outOfScope,
                  extractor: FeatureExtractor(minimumGram: minimumGram, maximumGram: maximumGram),
                  vectorizer: TfidfVectorizer(vocabulary: FeatureVocabulary(keys: keys, blocks: blocks, inverseDocumentFrequency: idf),
                                              wordBlockWeight: wordBlockWeight),
                  linear: LinearScorer(classCount: classCount, weights: weights, biases: biases),
                  embedding: EmbeddingClassifier(dimension: dimension, classCount: classCount, input: input, output: output),
                  combination: combination, rule: OutOfScopeRule(threshold: threshold), segmenter: segmenter)
    }
}

/// A fast 64-bit checksum of the model bytes, eight at a time, that catches damage and truncation.
enum ModelChecksum {
    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0x6B65_6675_696E_746D ^ UInt64(raw.count)
            let words = raw.count / 8
            for index in 0..<words { hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
            var tail: UInt64 = 0
            for index in (words * 8)..<raw.count { tail = tail << 8 | UInt64(raw[index]) }
            return mix(hash ^ tail)
        }
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        x = x &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 32)
    }
}
