/// Decides when a line is none of the intents: it knows none of the line's words, its best class
/// is the out-of-scope class, or the calibrated confidence of its best intent is under a
/// threshold tuned on held-out folds of the training data: the highest that costs at most a
/// small share of the in-scope lines the folds classified right.
///
/// 「osifhaskdnkauer」 and 「？？？」 know no word; 「啊啊啊啊」 and 「1234」 fall under the threshold.
struct OutOfScopeRule: Sendable, Equatable {
    /// The lowest confidence of the best intent that still counts as in scope.
    var threshold: Float

    /// What the held-out folds said of one training line.
    struct HeldOutLine {
        var confidence: Float
        var isCorrect: Bool
        var isOutOfScopeExample: Bool
        /// Rejected whatever the threshold: no known word, or the out-of-scope class came first.
        var isRejectedAnyway: Bool
    }

    /// The highest threshold that rejects at most `budget` of the held-out in-scope lines the
    /// classifiers got right (lines they got wrong cost nothing to reject).
    /// - Complexity: O(n log n).
    static func tune(_ lines: [HeldOutLine], budget: Double) -> OutOfScopeRule {
        let confidences = lines.filter { !$0.isOutOfScopeExample && $0.isCorrect && !$0.isRejectedAnyway }
            .map(\.confidence).sorted()
        guard !confidences.isEmpty else { return OutOfScopeRule(threshold: 0) }
        let allowed = Int(Double(confidences.count) * budget)
        guard allowed > 0 else { return OutOfScopeRule(threshold: confidences[0]) }
        return OutOfScopeRule(threshold: confidences[min(allowed, confidences.count - 1)])
    }
}
