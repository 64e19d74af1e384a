/// Decides when a line is none of the intents: it knows none of the line's words, its best class
/// is the out-of-scope class, or the calibrated confidence of its best intent is under a
/// threshold tuned on held-out folds of the training data.
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

    /// The threshold that maximises in-scope accuracy + out-of-scope recall on held-out lines
    /// when there are out-of-scope examples; otherwise the one that rejects `rejectionRate` of
    /// the in-scope lines.
    /// - Complexity: O(n log n).
    static func tune(_ lines: [HeldOutLine], rejectionRate: Double) -> OutOfScopeRule {
        let inScope = lines.filter { !$0.isOutOfScopeExample }
        let outOfScope = lines.filter(\.isOutOfScopeExample)
        guard !inScope.isEmpty else { return OutOfScopeRule(threshold: 0) }
        if outOfScope.isEmpty {
            let confidences = inScope.filter { !$0.isRejectedAnyway }.map(\.confidence).sorted()
            guard !confidences.isEmpty else { return OutOfScopeRule(threshold: 0) }
            let position = min(Int(Double(confidences.count) * rejectionRate), confidences.count - 1)
            return OutOfScopeRule(threshold: confidences[position])
        }
        // Sweep thresholds upwards: raising it past a line's confidence rejects that line.
        var events: [(confidence: Float, inScopeCorrect: Int, outOfScope: Int)] = []
        var correct = 0, recalled = 0
        for line in lines {
            if line.isOutOfScopeExample {
                if line.isRejectedAnyway { recalled += 1 } else { events.append((line.confidence, 0, 1)) }
            } else if line.isCorrect && !line.isRejectedAnyway {
                correct += 1
                events.append((line.confidence, 1, 0))
            }
        }
        events.sort { $0.confidence < $1.confidence }
        let inScopeCount = Double(inScope.count), outOfScopeCount = Double(outOfScope.count)
        var best = (score: Double(correct) / inScopeCount + Double(recalled) / outOfScopeCount, threshold: Float(0))
        var position = 0
        while position < events.count {
            let confidence = events[position].confidence
            while position < events.count && events[position].confidence == confidence {
                correct -= events[position].inScopeCorrect
                recalled += events[position].outOfScope
                position += 1
            }
            let score = Double(correct) / inScopeCount + Double(recalled) / outOfScopeCount
            let next = position < events.count ? events[position].confidence : min(confidence + 1e-4, 1)
            if score > best.score { best = (score, (confidence + next) / 2) }
        }
        return OutOfScopeRule(threshold: best.threshold)
    }
}
