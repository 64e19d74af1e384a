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
        print("mine fixture: k=\(result.k) silhouette=\(result.silhouette ?? .nan) clusters=\(purities) unclustered=\(result.unclustered.count)")
        for cluster in result.clusters { print(cluster.keywords, cluster.lines.map(\.text)) }
        print("unclustered:", result.unclustered.map(\.text))
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
}
