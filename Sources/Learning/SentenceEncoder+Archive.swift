extension SentenceEncoder {
    /// Stores the encoder's sizes (`prefix` + `configuration`) and tensors in `archive`.
    public func store(in archive: inout ModelArchive, prefix: String = "encoder.") {
        let c = configuration
        archive.set(prefix + "configuration", .integers([
            Int64(c.wordCount), Int64(c.bucketCount), Int64(c.ngramLengths.lowerBound), Int64(c.ngramLengths.upperBound),
            Int64(c.embeddingSize), Int64(c.hiddenSize), c.bidirectional ? 1 : 0, Int64(c.attentionSize),
        ]))
        archive.store(embedding, prefix: prefix + "embedding.")
        archive.store(layers, prefix: prefix + "layers.")
    }

    /// Reads an encoder stored by `store(in:prefix:)`.
    public init(archive: ModelArchive, prefix: String = "encoder.") throws(ModelFileError) {
        let sizes = try archive.integers(prefix + "configuration")
        guard sizes.count == 8, sizes.allSatisfy({ $0 >= 0 && $0 < Int64(Int32.max) }), sizes[2] >= 1, sizes[2] <= sizes[3] else {
            throw .shapeMismatch(entry: prefix + "configuration", expected: "8 sizes", found: "\(sizes)")
        }
        let configuration = Configuration(wordCount: Int(sizes[0]), bucketCount: Int(sizes[1]),
                                          ngramLengths: Int(sizes[2])...Int(sizes[3]), embeddingSize: Int(sizes[4]),
                                          hiddenSize: Int(sizes[5]), bidirectional: sizes[6] == 1, attentionSize: Int(sizes[7]))
        // Shapes come from the configuration; the values from the file.
        var encoder = SentenceEncoder(embedding: EmbeddingTable(wordCount: configuration.wordCount, bucketCount: configuration.bucketCount,
                                                            ngramLengths: configuration.ngramLengths,
                                                            weights: try archive.matrix(prefix + "embedding.weights",
                                                                                        rows: configuration.wordCount + configuration.bucketCount,
                                                                                        columns: configuration.embeddingSize)),
                                  layers: Self.emptyLayers(configuration))
        try archive.load(into: &encoder.layers, prefix: prefix + "layers.")
        self = encoder
    }

    /// Zero layers of the configured shapes.
    private static func emptyLayers(_ c: Configuration) -> Layers {
        let backward = c.bidirectional ? c.hiddenSize : 0
        func gru(_ hidden: Int) -> GRU {
            GRU(inputWeights: Matrix(rows: c.embeddingSize, columns: 3 * hidden), recurrentWeights: Matrix(rows: hidden, columns: 3 * hidden),
                inputBias: Matrix(rows: 1, columns: 3 * hidden), recurrentBias: Matrix(rows: 1, columns: 3 * hidden))
        }
        let recurrent = BidirectionalGRU(forwardLayer: gru(c.hiddenSize), backwardLayer: gru(backward))
        return Layers(recurrent: recurrent,
                      attention: AdditiveAttention(weights: Matrix(rows: recurrent.outputSize, columns: c.attentionSize),
                                                   bias: Matrix(rows: 1, columns: c.attentionSize),
                                                   context: Matrix(rows: 1, columns: c.attentionSize)))
    }
}
