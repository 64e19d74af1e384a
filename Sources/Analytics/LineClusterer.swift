import Learning
import Segmentation

/// Clusters the lines a bot could not answer into candidate intents: TF-IDF vectors
/// (``LineEmbedder``) smoothed over each line's nearest neighbours (``NeighbourSmoothing``);
/// the lines with enough close neighbours (the dense ones) clustered by spherical k-means
/// (``SphericalKMeans``) for each k from 2 up, the k with the best mean silhouette width kept;
/// then every line joins the nearest centre it is similar enough to, and lines near none or in
/// a cluster smaller than `minSize` stay "unclustered".
///
/// ```swift
/// let clusterer = LineClusterer(segmenter: try Segmenter.shipped())
/// let result = clusterer.cluster(MinedLine.distinct(lines))
/// // result.clusters[0].lines: 积分怎么兑换, 积分能换什么, how to redeem points …
/// ```
public struct LineClusterer: Sendable {
    public let segmenter: Segmenter
    /// The number of clusters to fit; nil: chosen by silhouette.
    public var clusters: Int?
    /// The fewest distinct lines a cluster must keep to be reported.
    public var minSize: Int
    /// The seed of k-means' starts.
    public var seed: UInt64
    /// The largest k tried when choosing.
    public var maxClusters = 40
    /// A line less similar than this to its cluster's centre is unclustered.
    public var minSimilarity: Float = 0.3
    /// Lines beyond this many are sampled (seeded) to choose k; the final fit uses all.
    public var selectionSample = 2_000
    /// The similarity at which two lines count as neighbours for ``denseLines(_:)``.
    public var neighbourSimilarity: Float = 0.25
    /// Clusters whose centres are this alike are joined (see ``merged(_:vectors:dimension:)``).
    public var mergeSimilarity: Float = 0.15
    /// How features spread to similar lines before clustering (``NeighbourSmoothing``).
    var smoothing = NeighbourSmoothing()

    public init(segmenter: Segmenter, clusters: Int? = nil, minSize: Int = 3, seed: UInt64 = 20_241_105) {
        self.segmenter = segmenter
        self.clusters = clusters
        self.minSize = max(1, minSize)
        self.seed = seed
    }

    /// The clusters of `lines` (distinct lines with their counts).
    /// - Complexity: O(s² × nonzeros) for the silhouettes of s = min(lines, `selectionSample`)
    ///   lines, plus k-means for every k tried.
    public func cluster(_ lines: [MinedLine]) -> MiningResult {
        let (plainVectors, features) = LineEmbedder(segmenter: segmenter).embed(lines.map(\.text))
        let vectors = smoothing.smooth(plainVectors)
        let isCore = denseLines(vectors)
        let core = vectors.indices.filter { isCore[$0] }
        guard core.count >= max(2, minSize) else {
            return MiningResult(clusters: [], unclustered: Self.byCount(lines), k: 0, silhouette: nil)
        }
        let coreVectors = core.map { vectors[$0] }
        let (k, silhouette) = chooseK(coreVectors, dimension: features.count)
        let fit = SphericalKMeans(k: k, seed: seed).fit(coreVectors, dimension: features.count)
        // Every line (core or not) joins the nearest centre it is close enough to.
        var members = [[Int]](repeating: [], count: k)
        var unclustered: [Int] = []
        for (index, vector) in vectors.enumerated() {
            let scores = fit.centroids.map { vector.dot($0) }
            guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] >= minSimilarity else {
                unclustered.append(index)
                continue
            }
            members[best].append(index)
        }
        members = merged(members, vectors: vectors, dimension: features.count)
        var found: [LineCluster] = []
        for group in members {
            guard group.count >= minSize else {
                unclustered.append(contentsOf: group)
                continue
            }
            found.append(describe(group, vectors: vectors, lines: lines, features: features))
        }
        found.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.lines.count != b.lines.count { return a.lines.count > b.lines.count }
            return (a.lines.first?.text ?? "") < (b.lines.first?.text ?? "")
        }
        return MiningResult(clusters: found, unclustered: Self.byCount(unclustered.sorted().map { lines[$0] }), k: k,
                            silhouette: silhouette.map(Double.init))
    }

    /// `groups` with any two whose centres are at least `mergeSimilarity` alike joined, most
    /// alike first: k-means with k by silhouette may split one topic by language (the English
    /// lines about invoice titles apart from the Chinese ones), and the smoothed centres of the
    /// two halves stay close.
    func merged(_ groups: [[Int]], vectors: [SparseVector], dimension: Int) -> [[Int]] {
        var groups = groups.filter { !$0.isEmpty }
        func centre(_ group: [Int]) -> [Float] {
            var sum = [Float](repeating: 0, count: dimension)
            for position in group { for (index, value) in zip(vectors[position].indices, vectors[position].values) { sum[Int(index)] += value } }
            return normalised(sum)
        }
        while groups.count > 1 {
            let centres = groups.map(centre)
            var best: (Int, Int, Float)? = nil
            for i in centres.indices {
                for j in (i + 1)..<centres.count {
                    let similarity = zip(centres[i], centres[j]).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                    if similarity >= mergeSimilarity, best.map({ similarity > $0.2 }) ?? true { best = (i, j, similarity) }
                }
            }
            guard let (i, j, _) = best else { break }
            groups[i] += groups[j]
            groups.remove(at: j)
        }
        return groups
    }

    /// Whether each line has at least `minSize − 1` others with cosine similarity ≥
    /// `neighbourSimilarity` (before smoothing): lines alone in the data (「今天天气怎么样」 among
    /// questions about invoices) cannot form a cluster, and leaving them out before choosing k
    /// keeps them from pulling the silhouette towards many tiny clusters.
    func denseLines(_ vectors: [SparseVector]) -> [Bool] {
        let needed = max(1, minSize - 1)
        return vectors.indices.map { index in
            guard !vectors[index].isZero else { return false }
            var found = 0
            for other in vectors.indices where other != index && vectors[index].dot(vectors[other]) >= neighbourSimilarity {
                found += 1
                if found >= needed { return true }
            }
            return false
        }
    }

    /// The k to fit (given, or the one with the best mean silhouette width) and that width.
    func chooseK(_ vectors: [SparseVector], dimension: Int) -> (Int, Float?) {
        if let clusters { return (min(max(1, clusters), vectors.count), nil) }
        var sample = vectors
        if vectors.count > selectionSample {
            var random = SeededRandom(seed: seed, stream: 99)
            sample = Array(vectors.shuffled(using: &random).prefix(selectionSample))
        }
        let upper = min(maxClusters, max(2, sample.count / minSize), sample.count - 1)
        guard upper >= 2 else { return (1, nil) }
        let silhouette = Silhouette(sample)
        var best = (k: 2, width: -Float.infinity)
        for k in 2...upper {
            let fit = SphericalKMeans(k: k, seed: seed).fit(sample, dimension: dimension)
            let widths = silhouette.widths(fit.assignments, k: k)
            let mean = widths.reduce(0, +) / Float(widths.count)
            if mean > best.width + 1e-6 { best = (k, mean) }
        }
        return (best.k, best.width)
    }

    /// A cluster of the lines at `group` (positions in `vectors`): ordered by similarity to their
    /// own centre, with its cohesion and keywords.
    func describe(_ group: [Int], vectors: [SparseVector], lines: [MinedLine], features: [String]) -> LineCluster {
        var sum = [Float](repeating: 0, count: features.count)
        for position in group {
            for (index, value) in zip(vectors[position].indices, vectors[position].values) { sum[Int(index)] += value }
        }
        let centre = normalised(sum)
        let scored = group.map { (position: $0, similarity: vectors[$0].dot(centre)) }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.position < $1.position }
        let cohesion = scored.reduce(Float(0)) { $0 + $1.similarity } / Float(scored.count)
        let words = centre.indices.filter { centre[$0] > 0 && features[$0].hasPrefix("w:") }
            .sorted { centre[$0] != centre[$1] ? centre[$0] > centre[$1] : $0 < $1 }
            .prefix(4).map { String(features[$0].dropFirst(2)) }
        return LineCluster(lines: scored.map { lines[$0.position] }, cohesion: Double(cohesion), keywords: words)
    }

    /// `lines` most said first, ties in their order.
    static func byCount(_ lines: [MinedLine]) -> [MinedLine] {
        lines.enumerated().sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .map(\.element)
    }
}
