import ChatCore
/// Everything `kefu eval intents` tells about one run: the measures of the test set and the facts
/// of training (files, sizes, time, model hash).
public struct IntentEvaluationReport: Sendable {
    public var evaluation: IntentEvaluation
    public var trainFile: String
    public var testFile: String
    /// Training lines (including out-of-scope examples).
    public var trainCount: Int
    /// Intents the model knows.
    public var intents: [String]
    public var seed: UInt64
    /// Wall time of training.
    public var trainSeconds: Double
    /// Wall time of predicting every test line, one at a time on one thread, over the line count.
    public var predictMicrosecondsPerQuery: Double
    public var modelHash: String

    public init(evaluation: IntentEvaluation, trainFile: String, testFile: String, trainCount: Int, intents: [String],
                seed: UInt64, trainSeconds: Double, predictMicrosecondsPerQuery: Double, modelHash: String) {
        self.evaluation = evaluation
        self.trainFile = trainFile
        self.testFile = testFile
        self.trainCount = trainCount
        self.intents = intents
        self.seed = seed
        self.trainSeconds = trainSeconds
        self.predictMicrosecondsPerQuery = predictMicrosecondsPerQuery
        self.modelHash = modelHash
    }

    /// `errors.tsv`: a header, then `text<TAB>gold<TAB>predicted<TAB>confidence` for every line
    /// predicted wrong, in test-file order. A rejected line's prediction is the out-of-scope label
    /// (or `(none)`), its confidence that of the intent that came closest.
    public var errorsTSV: String {
        var output = "text\tgold\tpredicted\tconfidence\n"
        for outcome in evaluation.errors {
            let confidence = outcome.confidence.map { DecimalText.fixed($0, digits: 4) } ?? ""
            output += "\(outcome.text)\t\(outcome.gold)\t\(outcome.predictedLabel(outOfScopeLabel: evaluation.outOfScopeLabel))\t\(confidence)\n"
        }
        return output
    }
}
