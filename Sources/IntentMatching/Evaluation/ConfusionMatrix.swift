/// Counts of (gold label, predicted label) over a test set: rows gold, columns predicted.
///
/// Labels are sorted by name; a prediction of no intent is the out-of-scope label when there is
/// one, else ``IntentEvaluation/noIntent``.
public struct ConfusionMatrix: Hashable, Sendable {
    /// Every label that is some line's gold label or prediction, sorted.
    public let labels: [String]
    /// Row-major counts: `counts[gold * labels.count + predicted]`.
    public let counts: [Int]

    /// - Complexity: O(n + k²) for n outcomes and k labels.
    public init(outcomes: [IntentOutcome], outOfScopeLabel: String?) {
        var names = Set<String>()
        for outcome in outcomes {
            names.insert(outcome.gold)
            names.insert(outcome.predictedLabel(outOfScopeLabel: outOfScopeLabel))
        }
        labels = names.sorted()
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($0.element, $0.offset) })
        var counts = [Int](repeating: 0, count: labels.count * labels.count)
        for outcome in outcomes {
            if let row = index[outcome.gold], let column = index[outcome.predictedLabel(outOfScopeLabel: outOfScopeLabel)] {
                counts[row * labels.count + column] += 1
            }
        }
        self.counts = counts
    }

    /// Lines with gold label number `gold` predicted as label number `predicted`.
    public func count(gold: Int, predicted: Int) -> Int { counts[gold * labels.count + predicted] }

    /// Lines whose gold label is number `gold`.
    public func rowTotal(_ gold: Int) -> Int { counts[gold * labels.count ..< (gold + 1) * labels.count].reduce(0, +) }

    /// Lines predicted as label number `predicted`.
    public func columnTotal(_ predicted: Int) -> Int {
        stride(from: predicted, to: counts.count, by: labels.count).reduce(0) { $0 + counts[$1] }
    }

    /// Every off-diagonal cell with a count, most frequent first (ties by gold, then predicted name).
    public var confusedPairs: [ConfusedPair] {
        var pairs: [ConfusedPair] = []
        for row in labels.indices {
            for column in labels.indices where row != column {
                let count = count(gold: row, predicted: column)
                if count > 0 { pairs.append(ConfusedPair(gold: labels[row], predicted: labels[column], count: count)) }
            }
        }
        return pairs.sorted { ($1.count, $0.gold, $0.predicted) < ($0.count, $1.gold, $1.predicted) }
    }
}
