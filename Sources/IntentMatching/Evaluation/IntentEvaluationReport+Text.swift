import ChatCore
extension IntentEvaluationReport {
    /// The readable report `kefu eval intents` prints: headline figures, the per-intent table and
    /// the `confusedLimit` most confused pairs.
    ///
    /// ```
    /// accuracy            0.9351  (720 of 770)
    /// macro-F1            0.9102
    /// ```
    public func text(confusedLimit: Int = 20) -> String {
        let evaluation = self.evaluation
        var lines: [String] = []
        lines.append("trained on \(trainFile): \(trainCount) lines, \(intents.count) intents, seed \(seed)")
        lines.append("tested on  \(testFile): \(evaluation.count) lines")
        lines.append("")
        lines.append("accuracy            \(DecimalText.fixed(evaluation.accuracy, digits: 4))  (\(evaluation.correctCount) of \(evaluation.count))")
        lines.append("macro-F1            \(DecimalText.fixed(evaluation.macroF1, digits: 4))")
        if let scope = evaluation.outOfScope {
            lines.append("in-scope accuracy   \(DecimalText.fixed(scope.inScopeAccuracy, digits: 4))  (\(scope.inScopeCorrect) of \(scope.inScopeCount); \(scope.inScopeRejected) rejected as out of scope)")
            lines.append("OOS recall          \(DecimalText.fixed(scope.recall, digits: 4))  (\(scope.outOfScopeRejected) of \(scope.outOfScopeCount) '\(scope.label)' lines rejected)")
        }
        lines.append("training            \(DecimalText.fixed(trainSeconds, digits: 2)) s")
        lines.append("prediction          \(DecimalText.fixed(predictMicrosecondsPerQuery, digits: 1)) µs per query")
        lines.append("model hash          \(modelHash)")
        lines.append("")

        let width = max(6, evaluation.perIntent.map { $0.label.displayWidth }.max() ?? 0)
        lines.append("intent".padded(to: width) + "  precision  recall      F1  support")
        for metrics in evaluation.perIntent {
            lines.append(metrics.label.padded(to: width) + "  "
                + DecimalText.fixed(metrics.precision, digits: 4).leftPadded(to: 9) + "  "
                + DecimalText.fixed(metrics.recall, digits: 4).leftPadded(to: 6) + "  "
                + DecimalText.fixed(metrics.f1, digits: 4).leftPadded(to: 6) + "  "
                + String(metrics.support).leftPadded(to: 7))
        }
        lines.append("")
        let pairs = evaluation.confusedPairs()
        if pairs.isEmpty {
            lines.append("no confused pairs: every line was predicted right")
        } else {
            let shown = pairs.prefix(confusedLimit)
            lines.append("most confused (gold → predicted)" + (pairs.count > shown.count ? ", \(shown.count) of \(pairs.count) pairs:" : ":"))
            let countWidth = String(shown.first?.count ?? 0).count
            for pair in shown {
                lines.append("  " + String(pair.count).leftPadded(to: countWidth) + "  \(pair.gold) → \(pair.predicted)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Columns the text takes in a terminal: 2 for East Asian wide characters, 1 for the rest.
    var displayWidth: Int {
        unicodeScalars.reduce(0) { $0 + ($1.isWide ? 2 : 1) }
    }

    func padded(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - displayWidth)) }
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - displayWidth)) + self }
}

extension Unicode.Scalar {
    /// CJK, Hangul, kana and full-width forms: shown two columns (or about one em) wide.
    var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD: true
        default: false
        }
    }
}
