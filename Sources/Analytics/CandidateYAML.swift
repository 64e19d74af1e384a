import ChatCore
import Transcripts

/// Prints `kefu mine`'s clusters in the bot's own YAML, ready to paste and edit: a cluster of
/// questions (most of its lines ask something, see ``QuestionCue``) as a knowledge-base entry
/// with `answer: TODO`, any other cluster as an intent with its lines as `examples`. Each
/// cluster opens with a comment: its size, a typical line, its keywords; a line said more than
/// once carries its count; unclustered lines follow as comments.
///
/// ```yaml
/// # cluster 1: 11 lines, 10 distinct (e.g. 「积分怎么兑换」); keywords: 积分, 兑换, points
/// - id: candidate-1            # TODO: name it; paste into knowledge-base/*.yml
///   questions:
///     - 积分怎么兑换
///     - 积分能换什么           # said 2 times
///   answer: TODO
/// ```
public struct CandidateYAML {
    public var result: MiningResult
    /// What the lines came from, for the header (`transcripts/, store.sqlite`).
    public var source: String

    public init(result: MiningResult, source: String) {
        self.result = result
        self.source = source
    }

    /// The whole report.
    public var text: String {
        let total = result.clusters.reduce(0) { $0 + $1.count } + result.unclustered.reduce(0) { $0 + $1.count }
        var text = "# kefu mine: \(total) line\(total == 1 ? "" : "s") that fell back (\(result.distinctLines) distinct) from \(source)\n"
        let choice = result.k == 0 ? "too few lines for k-means"
            : result.silhouette.map { "k = \(result.k) chosen by mean silhouette \(Self.fixed($0))" } ?? "k = \(result.k)"
        text += "# \(result.clusters.count) cluster\(result.clusters.count == 1 ? "" : "s"), \(result.unclustered.count) distinct line\(result.unclustered.count == 1 ? "" : "s") unclustered; \(choice)\n"
        if result.clusters.isEmpty { text += "# no cluster: too few lines alike (try --min-size 2)\n" }
        for (number, cluster) in result.clusters.enumerated() {
            text += "\n" + entry(cluster, number: number + 1)
        }
        if !result.unclustered.isEmpty {
            text += "\n# unclustered (\(result.unclustered.count)):\n"
            for line in result.unclustered { text += "#   \(line.text)\(line.count > 1 ? "   (×\(line.count))" : "")\n" }
        }
        return text
    }

    /// One cluster as a knowledge-base entry or an intent.
    func entry(_ cluster: LineCluster, number: Int) -> String {
        let questions = cluster.lines.filter { QuestionCue.isQuestion($0.text) }.count
        let asKnowledge = questions * 2 >= cluster.lines.count
        var text = "# cluster \(number): \(cluster.count) line\(cluster.count == 1 ? "" : "s"), \(cluster.lines.count) distinct"
        if let first = cluster.lines.first { text += " (e.g. 「\(first.text)」)" }
        if !cluster.keywords.isEmpty { text += "; keywords: \(cluster.keywords.joined(separator: ", "))" }
        text += "; cohesion \(Self.fixed(cluster.cohesion))\n"
        let lines = cluster.lines.map { line in
            "    - \(YAMLScalar.string(line.text))" + (line.count > 1 ? "   # said \(line.count) times" : "")
        }
        if asKnowledge {
            text += "- id: candidate-\(number)   # TODO: name it; paste into knowledge-base/*.yml\n  questions:\n"
            text += lines.joined(separator: "\n") + "\n  answer: TODO\n"
        } else {
            text += "- name: candidate_\(number)   # TODO: name it; paste into intents/*.yml under intents:\n  examples:\n"
            text += lines.joined(separator: "\n") + "\n  reply: TODO\n"
        }
        return text
    }

    /// `value` with two decimals.
    static func fixed(_ value: Double) -> String {
        DecimalText.fixed(value, digits: 2)
    }
}

