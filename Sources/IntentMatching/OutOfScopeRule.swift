/// Decides when a line is none of the intents: it knows none of the line's words, its best class
/// is the out-of-scope class, or the calibrated confidence of its best intent is under a
/// threshold tuned on held-out folds of the training data: it costs at most a small share of the
/// in-scope lines the folds classified right and, under that ceiling, catches the most
/// out-of-scope examples for the fewest in-scope lines.
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

    /// The threshold for `lines`: the highest that rejects at most `budget` of the held-out
    /// in-scope lines the classifiers got right (lines they got wrong cost nothing to reject);
    /// with out-of-scope examples, the one under that ceiling that maximises in-scope accuracy
    /// plus out-of-scope recall on the folds, so a threshold that would only cost in-scope lines
    /// once the out-of-scope examples are all caught is not taken.
    /// - Complexity: O(n log n).
    static func tune(_ lines: [HeldOutLine], budget: Double) -> OutOfScopeRule {
        let confidences = lines.filter { !$0.isOutOfScopeExample && $0.isCorrect && !$0.isRejectedAnyway }
            .map(\.confidence).sorted()
        guard !confidences.isEmpty else { return OutOfScopeRule(threshold: 0) }
        let allowed = Int(Double(confidences.count) * budget)
        let ceiling = allowed > 0 ? confidences[min(allowed, confidences.count - 1)] : confidences[0]
        let outside = lines.filter { $0.isOutOfScopeExample }
        let inScopeCount = lines.count - outside.count
        guard !outside.isEmpty, inScopeCount > 0 else { return OutOfScopeRule(threshold: ceiling) }
        let alreadyRejected = outside.count { $0.isRejectedAnyway }
        let scored = outside.filter { !$0.isRejectedAnyway }.map(\.confidence).sorted()
        // Lines with confidence < t are rejected; candidates are 0, the ceiling and each
        // out-of-scope confidence just passed.
        var candidates: [Float] = [0, ceiling]
        for confidence in scored where confidence.nextUp < ceiling { candidates.append(confidence.nextUp) }
        var best = (threshold: Float(0), score: -Double.infinity)
        for threshold in candidates.sorted() {
            let lost = below(threshold, in: confidences), caught = below(threshold, in: scored)
            let score = Double(confidences.count - lost) / Double(inScopeCount)
                + Double(alreadyRejected + caught) / Double(outside.count)
            if score > best.score { best = (threshold, score) }
        }
        return OutOfScopeRule(threshold: best.threshold)
    }

    /// How many of the ascending `values` are below `threshold`.
    private static func below(_ threshold: Float, in values: [Float]) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < threshold { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
