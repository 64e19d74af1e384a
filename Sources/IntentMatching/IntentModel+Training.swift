import ChatCore
import Segmentation

extension IntentModel {
    /// Trains a model on `examples`: features, both classifiers on every held-out fold and on all
    /// the data (in parallel, deterministically), then the calibration and the out-of-scope
    /// threshold from the folds' held-out scores.
    ///
    /// Examples labelled `options.outOfScopeLabel` teach the out-of-scope decision only.
    /// - Throws: `IntentTrainingError` for fewer than 2 intents or an intent with fewer than 2 examples.
    public static func train(on examples: [LabeledText], segmenter: Segmenter,
                             options: IntentTrainingOptions = IntentTrainingOptions(),
                             progress: (TrainingProgress) -> Void = { _ in }) throws(IntentTrainingError) -> IntentModel {
        let labels = try validatedLabels(examples, options: options)
        let outOfScopeClass = options.outOfScopeLabel.flatMap { labels.firstIndex(of: $0) }
        var classOf: [String: Int32] = [:]
        for (index, label) in labels.enumerated() { classOf[label] = Int32(index) }

        progress(TrainingProgress(stage: "features", completed: 0, total: examples.count))
        let extractor = FeatureExtractor()
        let documents = extractFeatures(examples.map(\.text), extractor: extractor, segmenter: segmenter)
        let vectorizer = TfidfVectorizer(vocabulary: FeatureVocabulary.build(from: documents))
        var rows = SparseRows()
        var knownContent: [Bool] = []
        for document in documents {
            let line = vectorizer.vectorize(document)
            rows.append(line.vector)
            knownContent.append(line.noiseReason == nil)
        }
        let targets = examples.map { classOf[$0.label] ?? 0 }
        progress(TrainingProgress(stage: "features", completed: examples.count, total: examples.count))

        let plan = TrainingPlan(rows: rows, labels: targets, classCount: labels.count,
                                featureCount: vectorizer.vocabulary.count, folds: options.foldCount(examples: examples.count), seed: options.seed)
        let outcomes = ParallelTasks.run(count: plan.taskCount, { plan.run(task: $0) }) { completed in
            progress(TrainingProgress(stage: "classifiers", completed: completed, total: plan.taskCount))
        }
        progress(TrainingProgress(stage: "calibration", completed: 0, total: 1))
        let heldOut = plan.heldOutScores(outcomes)
        let combination = ScoreCombination.fit(linear: heldOut.linear, embedding: heldOut.embedding, labels: targets)
        var lines: [OutOfScopeRule.HeldOutLine] = []
        for row in targets.indices {
            let probabilities = combination.probabilities(linear: heldOut.linear[row], embedding: heldOut.embedding[row])
            var best = -1
            for label in probabilities.indices where label != outOfScopeClass {
                if best < 0 || probabilities[label] > probabilities[best] { best = label }
            }
            let outOfScopeFirst = outOfScopeClass.map { probabilities[$0] > probabilities[best] } ?? false
            lines.append(OutOfScopeRule.HeldOutLine(
                confidence: probabilities[best], isCorrect: best == Int(targets[row]),
                isOutOfScopeExample: Int(targets[row]) == outOfScopeClass,
                isRejectedAnyway: outOfScopeFirst || !knownContent[row]))
        }
        let budget = options.inScopeRejectionRate ?? (outOfScopeClass == nil ? 0.003 : 0.0125)
        let rule = OutOfScopeRule.tune(lines, budget: budget)
        progress(TrainingProgress(stage: "calibration", completed: 1, total: 1))
        return IntentModel(labels: labels, outOfScopeClass: outOfScopeClass, extractor: extractor, vectorizer: vectorizer,
                           linear: outcomes[plan.fullLinearTask].linear!, embedding: outcomes[plan.fullEmbeddingTask].embedding!,
                           combination: combination, rule: rule, segmenter: segmenter)
    }

    /// The sorted class labels, after checking there are at least 2 intents of 2 examples each.
    static func validatedLabels(_ examples: [LabeledText], options: IntentTrainingOptions) throws(IntentTrainingError) -> [String] {
        var counts: [String: Int] = [:]
        for example in examples {
            guard !example.label.isEmpty else { throw IntentTrainingError("an example has an empty label: \"\(example.text)\"") }
            counts[example.label, default: 0] += 1
        }
        let intents = counts.keys.filter { $0 != options.outOfScopeLabel }.sorted()
        guard intents.count >= 2 else {
            throw IntentTrainingError("need at least 2 intents to tell apart, found \(intents.count)")
        }
        for intent in intents where counts[intent, default: 0] < 2 {
            throw IntentTrainingError("intent \(intent) has \(counts[intent, default: 0]) example; give every intent at least 2")
        }
        return counts.keys.sorted()
    }

    /// The raw features of every text, cut on all cores (each thread its own workspace).
    static func extractFeatures(_ texts: [String], extractor: FeatureExtractor, segmenter: Segmenter) -> [TextFeatures] {
        let chunks = max(1, min(ParallelTasks.threadCount * 4, texts.count / 256))
        let parts = ParallelTasks.run(count: chunks, { chunk in
            var workspace = SegmentationWorkspace()
            var result: [TextFeatures] = []
            for index in stride(from: chunk, to: texts.count, by: chunks) {
                var features = TextFeatures()
                extractor.extract(segmenter.tokenize(texts[index], in: &workspace), into: &features)
                result.append(features)
            }
            return result
        })
        var documents: [TextFeatures] = []
        documents.reserveCapacity(texts.count)
        for index in texts.indices { documents.append(parts[index % chunks][index / chunks]) }
        return documents
    }
}
