import ChatCore
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
    /// Trains on `index`'s entries (its distractors take part in calibration) and `pairs`;
    /// `unanswerable` lines (ones no entry answers) join the held-out queries the confidence is
    /// fitted on, as lines to refuse.
    /// - Throws: `RerankerTrainingError.nothingToLearn` when no entry has two questions and no
    ///   pair has the same meaning.
    public static func train(on index: KnowledgeBaseIndex, pairs: [QuestionPair] = [], unanswerable: [String] = [],
                             options: RerankerTrainingOptions = RerankerTrainingOptions(),
                             progress: (TrainingProgress) -> Void = { _ in }) throws(RerankerTrainingError) -> Reranker {
        let split = RerankerTrainingSplit(entries: index.entries, pairs: pairs, unanswerable: unanswerable, heldOutShare: options.heldOutShare,
                                          seed: options.seed)
        guard !split.encoderPairs.isEmpty else { throw .nothingToLearn }
        let segmenter = index.extractor.segmenter
        let tokenizer = RerankerTokenizer(segmenter: segmenter, maximumTokens: options.maximumTokens, unit: options.unit)
        let contrasts = options.usesContrastPairs ? split.contrastPairs : []
        let texts = split.encoderPairs.flatMap { [$0.first, $0.second] } + contrasts.flatMap { [$0.0, $0.1] }
        let words = tokenizer.words(of: texts, chunks: options.chunks)
        let vocabulary = RerankerVocabulary.counting(words, minimumCount: options.minimumWordCount, limit: options.vocabularyLimit)

        var random = SeededRandom(seed: options.seed)
        var encoder = SentenceEncoder(.init(wordCount: vocabulary.count, bucketCount: options.bucketCount,
                                            embeddingSize: options.embeddingSize, hiddenSize: options.hiddenSize,
                                            bidirectional: options.bidirectional, attentionSize: options.attentionSize), random: &random)
        let rows = words.map { RerankerTokenizer.rows($0, vocabulary: vocabulary, embedding: encoder.embedding) }
        var units: [[SentenceEncoder.TrainingPair]] = []
        for (position, pair) in split.encoderPairs.enumerated() {
            let query = rows[2 * position], positive = rows[2 * position + 1]
            guard query.count > 0, positive.count > 0 else { continue }
            units.append([SentenceEncoder.TrainingPair(query: query, positive: positive, group: pair.group)])
        }
        guard !units.isEmpty else { throw .nothingToLearn }
        // A different-meaning pair: each sentence must pick itself over the other (and the batch).
        let contrastStart = 2 * split.encoderPairs.count, contrastGroups = index.entries.count + pairs.count
        for position in contrasts.indices {
            let first = rows[contrastStart + 2 * position], second = rows[contrastStart + 2 * position + 1]
            guard first.count > 0, second.count > 0 else { continue }
            units.append([SentenceEncoder.TrainingPair(query: first, positive: first, group: contrastGroups + 2 * position),
                          SentenceEncoder.TrainingPair(query: second, positive: second, group: contrastGroups + 2 * position + 1)])
        }
        encoder = trainEncoder(encoder, on: units, options: options, progress: progress)

        let wordTokenizer = RerankerTokenizer(segmenter: segmenter, maximumTokens: options.maximumTokens, unit: .words)
        let pairWords = options.unit == .words ? words : wordTokenizer.words(of: texts, chunks: options.chunks)
        let translation = options.usesTranslation
            ? TermTranslation.train(split.encoderPairs.indices.map { (pairWords[2 * $0], pairWords[2 * $0 + 1]) })
            : .empty
        let draft = Reranker(vocabulary: vocabulary, encoder: encoder, weights: .unfitted,
                             confidence: .unfitted(minimumProbability: options.minimumConfidence),
                             maximumTokens: options.maximumTokens, unit: options.unit, translation: translation)
        return RerankerCalibration.fit(draft, split: split, distractors: index.distractors, segmenter: segmenter,
                                       parameters: index.parameters, options: options, progress: progress)
    }

    /// The encoder after `options.epochs` passes of in-batch softmax training over `units` (a unit's
    /// pairs always share a batch).
    static func trainEncoder(_ start: SentenceEncoder, on units: [[SentenceEncoder.TrainingPair]], options: RerankerTrainingOptions,
                             progress: (TrainingProgress) -> Void) -> SentenceEncoder {
        var encoder = start
        var optimizer = SentenceEncoder.Optimizer(Adam(learningRate: options.learningRate), for: encoder)
        var workspace = SentenceEncoder.BatchWorkspace(for: encoder, chunks: options.chunks)
        let loss = InBatchSoftmaxLoss(temperature: options.temperature, symmetric: true)
        var shuffler = SeededRandom(seed: options.seed, stream: 1)
        var order = Array(units.indices)
        let batchSize = max(2, options.batchSize)
        let batchesPerEpoch = (units.reduce(0) { $0 + $1.count } + batchSize - 1) / batchSize
        let total = batchesPerEpoch * options.epochs
        var completed = 0
        progress(TrainingProgress(stage: "encoder", completed: 0, total: total))
        for _ in 0..<options.epochs {
            shuffler.shuffle(&order)
            var batch: [SentenceEncoder.TrainingPair] = []
            for (position, unit) in order.enumerated() {
                batch += units[unit]
                guard batch.count >= batchSize || position == order.count - 1 else { continue }
                if batch.count >= 2 {
                    _ = encoder.inBatchGradients(batch, loss: loss, workspace: &workspace)
                    optimizer.step(&encoder, gradients: workspace.gradients, maxNorm: options.maxGradientNorm)
                }
                batch.removeAll(keepingCapacity: true)
                completed = min(total, completed + 1)
                progress(TrainingProgress(stage: "encoder", completed: completed, total: total))
            }
        }
        return encoder
    }
}
