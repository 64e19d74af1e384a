/// Lines that seem to ask the same thing: a candidate intent or knowledge-base entry.
public struct LineCluster: Hashable, Sendable {
    /// The lines, most typical first (most similar to the cluster's centre).
    public var lines: [MinedLine]
    /// The mean cosine similarity of the lines to the cluster's centre (0…1).
    public var cohesion: Double
    /// The words that weigh most in the cluster's centre (积分, 兑换, points).
    public var keywords: [String]

    public init(lines: [MinedLine], cohesion: Double, keywords: [String]) {
        self.lines = lines
        self.cohesion = cohesion
        self.keywords = keywords
    }

    /// The lines said, repeats included.
    public var count: Int { lines.reduce(0) { $0 + $1.count } }
}

/// How `kefu mine` clustered the lines that fell back: the clusters, largest first, and the
/// lines that fit none.
public struct MiningResult: Hashable, Sendable {
    public var clusters: [LineCluster]
    /// Lines too unlike any cluster (or in a cluster smaller than the minimum size), most said first.
    public var unclustered: [MinedLine]
    /// The number of k-means clusters fitted (before small clusters were dissolved).
    public var k: Int
    /// The mean silhouette width of that fit (−1…1; nil when k was given or there were too few lines).
    public var silhouette: Double?

    public init(clusters: [LineCluster], unclustered: [MinedLine], k: Int, silhouette: Double?) {
        self.clusters = clusters
        self.unclustered = unclustered
        self.k = k
        self.silhouette = silhouette
    }

    /// Distinct lines in all.
    public var distinctLines: Int { clusters.reduce(unclustered.count) { $0 + $1.lines.count } }
}
