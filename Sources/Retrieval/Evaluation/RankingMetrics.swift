/// How well rankings put the right entry first: precision at 1, mean reciprocal rank within the
/// first 10 and recall within the first 5, over a set of queries.
///
/// Each query contributes the 1-based rank of its right entry in its ranking, or nil when the
/// entry is not ranked at all. Distractors and wrong entries above it push it down.
public struct RankingMetrics: Hashable, Sendable {
    /// The share of queries whose right entry is ranked first.
    public let precisionAt1: Double
    /// The mean of 1 / rank, counting 0 for a rank beyond 10 or no rank.
    public let meanReciprocalRankAt10: Double
    /// The share of queries whose right entry is within the first 5.
    public let recallAt5: Double
    public let queryCount: Int

    /// The measures of `ranks` (one per query; an empty list measures 0).
    public init(ranks: [Int?]) {
        var first = 0, withinFive = 0
        var reciprocal = 0.0
        for rank in ranks {
            guard let rank, rank >= 1 else { continue }
            if rank == 1 { first += 1 }
            if rank <= 5 { withinFive += 1 }
            if rank <= 10 { reciprocal += 1 / Double(rank) }
        }
        let count = Double(max(1, ranks.count))
        precisionAt1 = Double(first) / count
        meanReciprocalRankAt10 = reciprocal / count
        recallAt5 = Double(withinFive) / count
        queryCount = ranks.count
    }

    /// The 1-based rank of entry `entry` in `ranking`, or nil when it is not there.
    public static func rank(ofEntry entry: Int, in ranking: [Candidate]) -> Int? {
        ranking.firstIndex { $0.entryIndex == entry }.map { $0 + 1 }
    }
}
