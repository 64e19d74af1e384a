import Foundation

extension ConversationStats {
    /// The readable report `kefu stats` prints: the headline figures, then the intent, policy and
    /// answer histograms in aligned columns (counts and shares).
    ///
    /// ```
    /// Conversations  42
    /// Turns          180 (mean 4.3, median 4, max 12 per conversation)
    /// Fallbacks      12 of 180 turns (6.7%)
    /// Hand-offs      5 of 42 conversations ended with a human (11.9%); 6 hand-off turns
    /// Human agents   5 cases (asked 4, anger 1): 4 answered, first reply after median 42 s (mean 1 min 5 s, max 3 min); 1 waiting
    /// ```
    public var report: String {
        var text = ""
        var head = TextColumns([.left, .left])
        head.append("Conversations", "\(conversations)")
        head.append("Turns", "\(turns.total) (mean \(Self.decimal(turns.mean, places: 1)), median \(Self.decimal(turns.median, places: 1)), max \(turns.max) per conversation)")
        head.append("Fallbacks", "\(fallback.turns) of \(turns.total) turns (\(Self.percent(fallback.rate)))")
        head.append("Hand-offs", "\(handoff.conversations) of \(conversations) conversations ended with a human (\(Self.percent(handoff.rate))); \(handoff.turns) hand-off turn\(handoff.turns == 1 ? "" : "s")")
        if let agents { head.append("Human agents", agents.summary) }
        head.append("Answers", "\(answers.total) knowledge-base answers, \(answers.bars.count) distinct entr\(answers.bars.count == 1 ? "y" : "ies")")
        text += head.render(indent: "")
        text += Self.section("Intents", of: intents, none: "(none)", over: "turns")
        text += Self.section("Policies", of: policies, none: "(none)", over: "turns")
        text += Self.section("Answers used", of: answers, none: "(none)", over: "answers")
        return text
    }

    /// A titled histogram: name, count and share columns.
    static func section(_ title: String, of histogram: Histogram, none: String, over unit: String) -> String {
        guard !histogram.bars.isEmpty else { return "\n\(title): none\n" }
        var table = TextColumns([.left, .right, .right])
        table.append(title, unit, "share")
        for bar in histogram.bars {
            table.append("  " + (bar.name ?? none), "\(bar.count)", percent(bar.share))
        }
        return "\n" + table.render(indent: "")
    }

    /// `0.0667` → `6.7%`, `0.1` → `10.0%` (always one decimal, so the column lines up).
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    /// `value` with `places` decimals, without a trailing `.0` for whole numbers (`4`, `4.5`).
    static func decimal(_ value: Double, places: Int) -> String {
        let text = String(format: "%.\(places)f", value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// The figures as one JSON object with stable, sorted keys (`conversations`, `turns`,
    /// `intents`, `fallback`, `handoff`, `answers`, `policies`).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
