/// Turns a tokenised sentence into one vector: embeddings (words + character n-grams) → a
/// (bi)directional GRU → additive attention pooling. Built from this module's layers, with the
/// composed backward pass, so a re-ranker only adds tokenisation, batching and scoring.
///
/// ```swift
/// var random = SeededRandom(seed: 7)
/// let encoder = SentenceEncoder(.init(wordCount: vocabulary.count, bucketCount: 50_000), random: &random)
/// var query = TokenRows()
/// for word in ["什么", "时候", "发货"] {
///     encoder.embedding.appendToken(word: vocabulary[word], scalars: word.unicodeScalars, to: &query)
/// }
/// let vector = encoder.encode(query)   // outputSize numbers; compare by cosine
/// ```
///
/// The encoder is an immutable value during inference: `encode` may run on many threads at once.
public struct SentenceEncoder: Sendable, Equatable {
    /// The sizes of an encoder.
    public struct Configuration: Sendable, Equatable {
        public var wordCount: Int
        public var bucketCount: Int
        public var ngramLengths: ClosedRange<Int>
        public var embeddingSize: Int
        public var hiddenSize: Int
        public var bidirectional: Bool
        public var attentionSize: Int

        public init(wordCount: Int, bucketCount: Int, ngramLengths: ClosedRange<Int> = 1...2, embeddingSize: Int = 64,
                    hiddenSize: Int = 128, bidirectional: Bool = false, attentionSize: Int = 64) {
            self.wordCount = wordCount
            self.bucketCount = bucketCount
            self.ngramLengths = ngramLengths
            self.embeddingSize = embeddingSize
            self.hiddenSize = hiddenSize
            self.bidirectional = bidirectional
            self.attentionSize = attentionSize
        }
    }

    /// The dense layers after the embeddings: what dense gradients and Adam moments cover.
    public struct Layers: ParameterTensors, Equatable {
        public var recurrent: BidirectionalGRU
        public var attention: AdditiveAttention

        public static var tensorPaths: [TensorPath<Self>] { nested("recurrent", \.recurrent) + nested("attention", \.attention) }

        public init(recurrent: BidirectionalGRU, attention: AdditiveAttention) {
            precondition(attention.inputSize == recurrent.outputSize, "attention must read the GRU's output width")
            self.recurrent = recurrent
            self.attention = attention
        }
    }

    /// Word and n-gram vectors.
    public var embedding: EmbeddingTable
    /// The GRU and the attention.
    public var layers: Layers

    /// A freshly initialised encoder.
    public init(_ configuration: Configuration, random: inout SeededRandom) {
        embedding = EmbeddingTable(wordCount: configuration.wordCount, bucketCount: configuration.bucketCount,
                                   dimension: configuration.embeddingSize, ngramLengths: configuration.ngramLengths,
                                   random: &random)
        let recurrent = BidirectionalGRU(inputSize: configuration.embeddingSize, hiddenSize: configuration.hiddenSize,
                                         bidirectional: configuration.bidirectional, random: &random)
        layers = Layers(recurrent: recurrent, attention: AdditiveAttention(inputSize: recurrent.outputSize,
                                                                           attentionSize: configuration.attentionSize,
                                                                           random: &random))
    }

    /// An encoder from given parts.
    public init(embedding: EmbeddingTable, layers: Layers) {
        precondition(embedding.dimension == layers.recurrent.inputSize, "the GRU must read the embedding width")
        self.embedding = embedding
        self.layers = layers
    }

    /// The sizes this encoder was built with.
    public var configuration: Configuration {
        Configuration(wordCount: embedding.wordCount, bucketCount: embedding.bucketCount,
                      ngramLengths: embedding.ngramLengths, embeddingSize: embedding.dimension,
                      hiddenSize: layers.recurrent.forwardLayer.hiddenSize,
                      bidirectional: layers.recurrent.backwardLayer.hiddenSize > 0,
                      attentionSize: layers.attention.attentionSize)
    }

    /// The width of an encoding.
    public var outputSize: Int { layers.recurrent.outputSize }

    /// What `forward` keeps for `backward`.
    public struct Trace: Sendable {
        /// `steps × embeddingSize`.
        public let embedded: Matrix
        /// The GRU pass.
        public let recurrent: BidirectionalGRU.Trace
        /// The attention pass; `attention.output` is the encoding, `attention.attention` the
        /// weight of each token.
        public let attention: AdditiveAttention.Trace

        /// The encoding (`outputSize` numbers; zeros for an empty sentence).
        public var output: [Float] { attention.output }
    }

    /// Encodes `tokens`, keeping what `backward` needs.
    public func forward(_ tokens: TokenRows) -> Trace {
        let embedded = embedding.forward(tokens)
        let recurrent = layers.recurrent.forward(embedded)
        return Trace(embedded: embedded, recurrent: recurrent, attention: layers.attention.forward(recurrent.states))
    }

    /// The encoding of `tokens` (inference).
    public func encode(_ tokens: TokenRows) -> [Float] { forward(tokens).output }

    /// Adds to `gradients` the gradients of every parameter, given the gradient of the encoding.
    public func backward(_ tokens: TokenRows, trace: Trace, outputGradient: [Float], gradients: inout Gradients) {
        let stateGradients = layers.attention.backward(trace.recurrent.states, trace: trace.attention,
                                                       outputGradient: outputGradient, gradients: &gradients.layers.attention)
        let inputGradients = layers.recurrent.backward(trace.embedded, trace: trace.recurrent, stateGradients: stateGradients,
                                                       gradients: &gradients.layers.recurrent)
        embedding.backward(tokens, outputGradient: inputGradients, into: &gradients.embedding)
    }

    /// The gradient of a loss for every parameter of an encoder: sparse for the embeddings,
    /// dense for the layers.
    public struct Gradients: Sendable, Equatable {
        public var embedding: SparseRowGradient
        public var layers: Layers

        /// Zero gradients for `encoder`.
        public init(like encoder: SentenceEncoder) {
            embedding = SparseRowGradient(like: encoder.embedding)
            layers = encoder.layers.zeroed()
        }

        /// Back to zero, keeping the storage.
        public mutating func removeAll() {
            embedding.removeAll()
            layers.zero()
        }

        /// Adds `other` (in its row order, so sums are reproducible).
        public mutating func add(_ other: Gradients) {
            embedding.add(other.embedding)
            layers.add(other.layers)
        }

        /// Multiplies every gradient by `factor`.
        public mutating func scale(by factor: Float) {
            embedding.scale(by: factor)
            layers.scale(by: factor)
        }

        /// The squared global norm.
        public var sumOfSquares: Double { embedding.sumOfSquares + layers.sumOfSquares }

        /// Scales the gradients down to a global norm of `maxNorm` if above; returns the norm before.
        @discardableResult
        public mutating func clip(maxNorm: Float) -> Float {
            let squares = sumOfSquares
            let factor = GradientClipping.factor(maxNorm: maxNorm, sumOfSquares: squares)
            if factor < 1 { scale(by: factor) }
            return Float(squares.squareRoot())
        }
    }
}
