/// The measures of an intent classifier over a test set: accuracy, macro-F1, per-intent
/// precision/recall/F1, the confusion matrix and, with an out-of-scope label, in-scope accuracy
/// and out-of-scope recall.
///
/// How out of scope counts: with an out-of-scope label `L`, a prediction of no intent means `L`,
/// so a gold-`L` line is right when the model rejects it, and `L` is one of the classes of
/// macro-F1 and the per-intent table (as in scikit-learn with `oos` as a class). Without one, a
/// prediction of no intent is always wrong and is no class of its own: it lowers the recall of
/// the line's gold intent only (it shows as ``noIntent`` in the confusion matrix).
///
/// Macro-F1 is the unweighted mean F1 over every label that is the gold label or prediction of
/// some line (scikit-learn's `f1_score(average="macro")`).
public struct IntentEvaluation: Sendable {
    /// How a prediction of no intent is named when there is no out-of-scope label.
    public static let noIntent = "(none)"

    public let outcomes: [IntentOutcome]
    public let outOfScopeLabel: String?
    public let confusion: ConfusionMatrix
    /// Per label (sorted by name): every class of macro-F1.
    public let perIntent: [IntentMetrics]
    /// Lines predicted exactly right (a rejection is right for a gold out-of-scope line).
    public let correctCount: Int
    /// In-scope and out-of-scope figures, with an out-of-scope label.
    public let outOfScope: OutOfScopeMetrics?

    /// - Complexity: O(n + k²) for n outcomes and k labels.
    public init(outcomes: [IntentOutcome], outOfScopeLabel: String? = nil) {
        self.outcomes = outcomes
        self.outOfScopeLabel = outOfScopeLabel
        confusion = ConfusionMatrix(outcomes: outcomes, outOfScopeLabel: outOfScopeLabel)
        let labels = confusion.labels
        perIntent = labels.indices.compactMap { [confusion] index in
            if labels[index] == Self.noIntent, outOfScopeLabel == nil { return nil }
            return IntentMetrics(label: labels[index], truePositives: confusion.count(gold: index, predicted: index),
                                 predictedCount: confusion.columnTotal(index), support: confusion.rowTotal(index))
        }
        correctCount = outcomes.count { $0.gold == $0.predictedLabel(outOfScopeLabel: outOfScopeLabel) }
        outOfScope = outOfScopeLabel.map { label in
            let inScope = outcomes.filter { $0.gold != label }
            let outside = outcomes.filter { $0.gold == label }
            func rejected(_ outcome: IntentOutcome) -> Bool { outcome.predicted == nil || outcome.predicted == label }
            return OutOfScopeMetrics(
                label: label, inScopeCount: inScope.count, inScopeCorrect: inScope.count { $0.predicted == $0.gold },
                inScopeRejected: inScope.count(where: rejected), outOfScopeCount: outside.count,
                outOfScopeRejected: outside.count(where: rejected))
        }
    }

    /// Convenience for tables of (gold, predicted) pairs.
    public init(pairs: [(gold: String, predicted: String?)], outOfScopeLabel: String? = nil) {
        self.init(outcomes: pairs.map { IntentOutcome(gold: $0.gold, predicted: $0.predicted) }, outOfScopeLabel: outOfScopeLabel)
    }

    public var count: Int { outcomes.count }

    /// Right lines over all lines; 0 for an empty test set.
    public var accuracy: Double { outcomes.isEmpty ? 0 : Double(correctCount) / Double(outcomes.count) }

    /// The unweighted mean F1 over ``perIntent``; 0 when there are no labels.
    public var macroF1: Double {
        perIntent.isEmpty ? 0 : perIntent.reduce(0) { $0 + $1.f1 } / Double(perIntent.count)
    }

    /// The most frequent mistakes, most first; all of them when `limit` is nil.
    public func confusedPairs(limit: Int? = nil) -> [ConfusedPair] {
        let pairs = confusion.confusedPairs
        return limit.map { Array(pairs.prefix($0)) } ?? pairs
    }

    /// The lines predicted wrong, in test-file order.
    public var errors: [IntentOutcome] {
        outcomes.filter { $0.gold != $0.predictedLabel(outOfScopeLabel: outOfScopeLabel) }
    }
}
