import Learning
import Segmentation

/// Trains a `Reranker` for a knowledge base: the encoder contrastively (in-batch softmax, so every
/// other pair's positive in a batch is a negative) on the entries' own paraphrases and on
/// same-meaning external question pairs, then the score weights and the confidence on held-out
/// queries (see `RerankerTrainingSplit`). Seeded and deterministic: the same options and data give
/// the same model, bit for bit, on any number of cores.
///
/// ```swift
/// let reranker = try RerankerTrainer.train(on: index, pairs: pairs, options: .init(seed: 7)) { progress in
///     print(progress.stage, progress.completed, progress.total)
/// }
/// ```
public enum RerankerTrainer {
    /// Trains on `index`'s entries (its distractors take part in calibration) and `pairs`.
    /// - Throws: `RerankerTrainingError.nothingToLearn` when no entry has two questions and no
    ///   pair has the same meaning.
    public static func train(on index: KnowledgeBaseIndex, pairs: [QuestionPair] = [],
                             options: RerankerTrainingOptions = RerankerTrainingOptions(),
                             progress: (RerankerTrainingProgress) -> Void = { _ in }) throws(RerankerTrainingError) -> Reranker {
        let split = RerankerTrainingSplit(entries: index.entries, pairs: pairs, heldOutShare: options.heldOutShare,
                                          seed: options.seed)
        guard !split.encoderPairs.isEmpty else { throw .nothingToLearn }
        let segmenter = index.extractor.segmenter
        let tokenizer = RerankerTokenizer(segmenter: segmenter, maximumTokens: options.maximumTokens)
        let texts = split.encoderPairs.flatMap { [$0.first, $0.second] }
        let words = tokenizer.words(of: texts, chunks: options.chunks)
        let vocabulary = RerankerVocabulary.counting(words, minimumCount: options.minimumWordCount, limit: options.vocabularyLimit)

        var random = SeededRandom(seed: options.seed)
        var encoder = SentenceEncoder(.init(wordCount: vocabulary.count, bucketCount: options.bucketCount,
                                            embeddingSize: options.embeddingSize, hiddenSize: options.hiddenSize,
                                            attentionSize: options.attentionSize), random: &random)
        let rows = words.map { RerankerTokenizer.rows($0, vocabulary: vocabulary, embedding: encoder.embedding) }
        let trainingPairs = split.encoderPairs.indices.compactMap { pair -> SentenceEncoder.TrainingPair? in
            let query = rows[2 * pair], positive = rows[2 * pair + 1]
            guard query.count > 0, positive.count > 0 else { return nil }
            return SentenceEncoder.TrainingPair(query: query, positive: positive, group: split.encoderPairs[pair].group)
        }
        guard !trainingPairs.isEmpty else { throw .nothingToLearn }
        encoder = trainEncoder(encoder, on: trainingPairs, options: options, progress: progress)

        let draft = Reranker(vocabulary: vocabulary, encoder: encoder, weights: .even,
                             confidence: AnswerConfidence(weights: [-3, 0, 0, 6, 0], minimumProbability: options.minimumConfidence),
                             maximumTokens: options.maximumTokens)
        return RerankerCalibration.fit(draft, split: split, distractors: index.distractors, segmenter: segmenter,
                                       parameters: index.parameters, options: options, progress: progress)
    }

    /// The encoder after `options.epochs` passes of in-batch softmax training over `pairs`.
    static func trainEncoder(_ start: SentenceEncoder, on pairs: [SentenceEncoder.TrainingPair], options: RerankerTrainingOptions,
                             progress: (RerankerTrainingProgress) -> Void) -> SentenceEncoder {
        var encoder = start
        var optimizer = SentenceEncoder.Optimizer(Adam(learningRate: options.learningRate), for: encoder)
        var workspace = SentenceEncoder.BatchWorkspace(for: encoder, chunks: options.chunks)
        let loss = InBatchSoftmaxLoss(temperature: options.temperature, symmetric: true)
        var shuffler = SeededRandom(seed: options.seed, stream: 1)
        var order = Array(pairs.indices)
        let batchSize = max(2, options.batchSize)
        let batchesPerEpoch = (pairs.count + batchSize - 1) / batchSize
        let total = batchesPerEpoch * options.epochs
        var completed = 0
        progress(RerankerTrainingProgress(stage: "encoder", completed: 0, total: total))
        for _ in 0..<options.epochs {
            shuffler.shuffle(&order)
            for start in stride(from: 0, to: order.count, by: batchSize) {
                let batch = order[start..<min(order.count, start + batchSize)].map { pairs[$0] }
                completed += 1
                guard batch.count >= 2 else { continue }
                _ = encoder.inBatchGradients(batch, loss: loss, workspace: &workspace)
                optimizer.step(&encoder, gradients: workspace.gradients, maxNorm: options.maxGradientNorm)
                progress(RerankerTrainingProgress(stage: "encoder", completed: completed, total: total))
            }
        }
        return encoder
    }
}

/// Why a re-ranker cannot be trained.
public enum RerankerTrainingError: Error, Equatable, CustomStringConvertible {
    /// Nothing to learn paraphrases from.
    case nothingToLearn

    public var description: String {
        switch self {
        case .nothingToLearn:
            "nothing to train the re-ranker on: give some knowledge-base entries two or more questions, or pass question pairs labelled 1"
        }
    }
}
