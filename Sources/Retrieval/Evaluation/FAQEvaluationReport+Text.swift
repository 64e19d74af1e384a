import ChatCore
extension FAQEvaluationReport {
    /// The readable report:
    ///
    /// ```
    /// FAQ retrieval: 2769 queries from valid_queries.tsv; 979 entries (979 questions) from valid_faq.tsv, 3175 distractors
    /// method   P@1     MRR@10  R@5     ms/query  p99 ms
    /// bm25     0.1578  0.2669  0.4056  0.045     0.110
    /// ranker   …
    /// ```
    public var text: String {
        var lines: [String] = []
        let distractors = distractorsFile.map { ", \(distractorCount) distractors from \($0)" } ?? ""
        lines.append("FAQ retrieval: \(bm25.metrics.queryCount) queries from \(queriesFile); \(entryCount) entries "
                     + "(\(questionCount) questions) from \(faqFile)\(distractors)")
        lines.append(Self.row(["method", "P@1", "MRR@10", "R@5", "ms/query", "p99 ms"]))
        for (label, result) in [("bm25", bm25), ("ranker", ranker)] {
            let metrics = result.metrics, times = result.times
            lines.append(Self.row([label, Self.fixed(metrics.precisionAt1, 4), Self.fixed(metrics.meanReciprocalRankAt10, 4),
                                   Self.fixed(metrics.recallAt5, 4), Self.fixed(times.meanMilliseconds, 3),
                                   Self.fixed(times.p99Milliseconds, 3)]) + (label == "ranker" ? "  (\(result.method))" : ""))
        }
        if rankerIsBM25 { lines.append("note: " + Self.bm25OnlyNote) }
        let pairs = trainPairFiles.isEmpty ? "" : "; \(trainPairCount) training pairs read"
            + (rankerIsBM25 ? " (not used by BM25)" : "")
        lines.append("index built in \(Self.fixed(indexSeconds, 3)) s; training \(Self.fixed(trainSeconds, 3)) s\(pairs)")
        lines.append("BM25: k1 \(Self.fixed(Double(parameters.k1), 2)), b \(Self.fixed(Double(parameters.b), 2)), "
                     + "word weight \(Self.fixed(Double(parameters.wordWeight), 2)), "
                     + "character weight \(Self.fixed(Double(parameters.characterWeight), 2))")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ cells: [String]) -> String {
        let widths = [8, 8, 8, 8, 10, 8]
        return zip(cells, widths).map { cell, width in
            cell + String(repeating: " ", count: max(1, width - cell.count))
        }.joined().trimmingTrailingSpaces
    }

    /// `value` with exactly `digits` decimals (`fixed(0.15781, 4)` is `"0.1578"`), without Foundation.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        DecimalText.fixed(value, digits: digits)
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var result = Substring(self)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
