@testable import Analytics
import Foundation
import KefuTestSupport
import Segmentation
import Testing

@Suite struct MiningTests {
    static let segmenter: Segmenter? = try? Segmenter.shipped()

    /// For each cluster: its majority topic and that topic's share of the cluster's lines.
    static func purity(_ result: MiningResult) -> [(topic: String?, purity: Double, size: Int)] {
        result.clusters.map { cluster in
            var counts: [String?: Int] = [:]
            for line in cluster.lines { counts[MiningFixture.topics[line.text], default: 0] += 1 }
            let best = counts.max { a, b in a.value != b.value ? a.value < b.value : (a.key ?? "") > (b.key ?? "") }
            return (best?.key ?? nil, Double(best?.value ?? 0) / Double(cluster.lines.count), cluster.lines.count)
        }
    }

    @Test func threeHiddenTopicsComeOutAsThreeClusters() throws {
        let segmenter = try #require(Self.segmenter)
        let result = LineClusterer(segmenter: segmenter).cluster(MinedLine.distinct(MiningFixture.lines))
        let purities = Self.purity(result)
        #expect(result.clusters.count == 3, "\(purities)")
        let topics = ["points", "invoice", "overseas"]
        // Each topic's lines land mostly in one cluster, and the three clusters are different.
        var homes: [Int] = []
        for topic in topics {
            let total = MiningFixture.topics.values.filter { $0 == topic }.count
            let perCluster = result.clusters.map { $0.lines.filter { MiningFixture.topics[$0.text] == topic }.count }
            let home = try #require(perCluster.indices.max { perCluster[$0] < perCluster[$1] })
            #expect(Double(perCluster[home]) >= 0.7 * Double(total), "topic \(topic): only \(perCluster[home]) of \(total) lines in its cluster")
            homes.append(home)
        }
        #expect(Set(homes).count == 3, "two topics share a cluster: \(homes)")
        // Those clusters are pure: at least 80 % of their lines are their topic.
        for home in Set(homes) {
            #expect(purities[home].purity >= 0.8, "cluster \(home) is \(purities[home])")
        }
        // Any other cluster is small and not made of one topic's lines.
        for (index, cluster) in purities.enumerated() where !homes.contains(index) {
            #expect(cluster.topic == nil || cluster.purity < 0.5, "extra cluster \(index) looks like a topic: \(cluster)")
        }
    }

    @Test func theSameLinesGiveTheSameClusters() throws {
        let segmenter = try #require(Self.segmenter)
        let lines = MinedLine.distinct(MiningFixture.lines)
        let first = LineClusterer(segmenter: segmenter).cluster(lines)
        let second = LineClusterer(segmenter: segmenter).cluster(lines)
        #expect(first == second)
        #expect(CandidateYAML(result: first, source: "x").text == CandidateYAML(result: second, source: "x").text)
    }

    @Test func aGivenKIsFitted() throws {
        let segmenter = try #require(Self.segmenter)
        let result = LineClusterer(segmenter: segmenter, clusters: 3).cluster(MinedLine.distinct(MiningFixture.lines))
        #expect(result.k == 3)
        #expect(result.silhouette == nil)
        #expect(result.clusters.count <= 3)
    }

    @Test func tooFewLinesLeaveEverythingUnclustered() throws {
        let segmenter = try #require(Self.segmenter)
        let result = LineClusterer(segmenter: segmenter).cluster(MinedLine.distinct(["积分怎么兑换", "今天天气怎么样"]))
        #expect(result.clusters.isEmpty)
        #expect(result.unclustered.map(\.text) == ["积分怎么兑换", "今天天气怎么样"])
    }

    @Test func repeatsCountOnce() {
        let lines = MinedLine.distinct(["积分怎么兑换", " 积分怎么兑换？", "", "Invoice?", "ｉｎｖｏｉｃｅ", "积分怎么兑换"])
        #expect(lines == [MinedLine(text: "积分怎么兑换", count: 3), MinedLine(text: "Invoice?", count: 2)])
    }

    @Test(arguments: [("积分怎么兑换", true), ("能开专票吗", true), ("how do I redeem points", true), ("发票抬头？", true),
                      ("我要开专票", false), ("invoice title wrong", false)])
    func questionsAreToldApart(line: String, isQuestion: Bool) {
        #expect(QuestionCue.isQuestion(line) == isQuestion)
    }

    @Test func wordsAndBigramsAreTheFeatures() throws {
        let segmenter = try #require(Self.segmenter)
        let features = LineEmbedder.features(of: segmenter.tokenize("我的积分怎么兑换 points?"))
        #expect(features.contains("w:积分") && features.contains("w:兑换") && features.contains("w:points"))
        #expect(features.contains("b:积分") && features.contains("b:兑换"))
        #expect(!features.contains("w:我") && !features.contains("w:怎么") && !features.contains("b:我的"))
    }
}
