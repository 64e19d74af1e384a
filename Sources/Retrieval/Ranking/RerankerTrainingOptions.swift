/// The settings of `RerankerTrainer`: model sizes, optimisation, and how much data is held out
/// to fit the score weights and the confidence threshold.
public struct RerankerTrainingOptions: Sendable, Equatable {
    /// Seeds every random choice: the same seed and data give the same model, bit for bit.
    public var seed: UInt64
    /// Passes over the training pairs.
    public var epochs: Int
    /// Pairs per step; every other pair's positive in the batch is a negative.
    public var batchSize: Int
    public var embeddingSize: Int
    public var hiddenSize: Int
    public var attentionSize: Int
    /// Whether a second GRU reads each text backwards (twice the encoding cost).
    public var bidirectional: Bool
    /// Hashed character n-gram rows of the embedding table.
    public var bucketCount: Int
    public var learningRate: Float
    /// The softmax temperature of the in-batch loss.
    public var temperature: Float
    /// Gradients are scaled down to this global norm.
    public var maxGradientNorm: Float
    /// Texts are cut to this many tokens.
    public var maximumTokens: Int
    /// Words seen fewer times in training get no vector of their own (only their characters').
    public var minimumWordCount: Int
    public var vocabularyLimit: Int
    /// The share of question pairs (and of paraphrase groups) kept out of encoder training to fit
    /// the score weights and the confidence.
    public var heldOutShare: Double
    /// Whether right and wrong answers weigh the same in the confidence fit, however many of each
    /// there are (for a bot's knowledge base, whose few held-out paraphrases face many lines to refuse).
    public var balancesConfidence: Bool
    /// BM25 candidates re-ranked per query while fitting.
    public var candidateDepth: Int
    /// The answer probability below which there is no good answer.
    public var minimumConfidence: Float
    /// What the encoder steps over.
    public var unit: RerankerTokenUnit
    /// Whether word translation probabilities are learned from the pairs (a re-ranking feature).
    public var usesTranslation: Bool
    /// Whether different-meaning pairs train too, as hard negatives of each other.
    public var usesContrastPairs: Bool
    /// Parts each batch is cut into for parallel work (fixed, so results never depend on cores).
    public var chunks: Int

    public init(seed: UInt64 = 1, epochs: Int = 10, batchSize: Int = 64, embeddingSize: Int = 64, hiddenSize: Int = 64,
                attentionSize: Int = 64, bidirectional: Bool = false, bucketCount: Int = 100_000, learningRate: Float = 2e-3, temperature: Float = 0.05,
                maxGradientNorm: Float = 5, maximumTokens: Int = 32, minimumWordCount: Int = 2,
                vocabularyLimit: Int = 50_000, heldOutShare: Double = 0.1, balancesConfidence: Bool = false, candidateDepth: Int = 50,
                minimumConfidence: Float = 0.5, unit: RerankerTokenUnit = .words, usesTranslation: Bool = true, usesContrastPairs: Bool = false, chunks: Int = 2) {
        self.seed = seed
        self.epochs = epochs
        self.batchSize = batchSize
        self.embeddingSize = embeddingSize
        self.hiddenSize = hiddenSize
        self.attentionSize = attentionSize
        self.bidirectional = bidirectional
        self.bucketCount = bucketCount
        self.learningRate = learningRate
        self.temperature = temperature
        self.maxGradientNorm = maxGradientNorm
        self.maximumTokens = maximumTokens
        self.minimumWordCount = minimumWordCount
        self.vocabularyLimit = vocabularyLimit
        self.heldOutShare = heldOutShare
        self.balancesConfidence = balancesConfidence
        self.candidateDepth = candidateDepth
        self.minimumConfidence = minimumConfidence
        self.unit = unit
        self.usesTranslation = usesTranslation
        self.usesContrastPairs = usesContrastPairs
        self.chunks = chunks
    }
}
