/// Precision, recall and F1 of one label over a test set.
///
/// Of 10 lines labelled `refund` the model got 8, and it said `refund` 2 more times where it was
/// wrong: precision 0.8, recall 0.8, F1 0.8, support 10.
public struct IntentMetrics: Hashable, Sendable {
    public var label: String
    /// Lines whose gold label and prediction are both `label`.
    public var truePositives: Int
    /// Lines predicted `label` (right or wrong).
    public var predictedCount: Int
    /// Lines whose gold label is `label`.
    public var support: Int

    public init(label: String, truePositives: Int, predictedCount: Int, support: Int) {
        self.label = label
        self.truePositives = truePositives
        self.predictedCount = predictedCount
        self.support = support
    }

    /// Right predictions of the label over all predictions of it; 0 when it was never predicted.
    public var precision: Double { predictedCount == 0 ? 0 : Double(truePositives) / Double(predictedCount) }
    /// Right predictions of the label over its gold lines; 0 when it has none.
    public var recall: Double { support == 0 ? 0 : Double(truePositives) / Double(support) }
    /// The harmonic mean of precision and recall; 0 when both are 0.
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }
}
