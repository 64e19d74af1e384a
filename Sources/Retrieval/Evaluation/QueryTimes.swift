/// Wall times of answering queries one at a time: mean and percentiles, in milliseconds.
public struct QueryTimes: Hashable, Sendable {
    public let meanMilliseconds: Double
    public let medianMilliseconds: Double
    public let p99Milliseconds: Double
    public let count: Int

    /// The summary of `seconds` (one per query).
    public init(seconds: [Double]) {
        let sorted = seconds.sorted()
        count = sorted.count
        meanMilliseconds = sorted.isEmpty ? 0 : sorted.reduce(0, +) * 1000 / Double(sorted.count)
        medianMilliseconds = Self.percentile(0.50, of: sorted) * 1000
        p99Milliseconds = Self.percentile(0.99, of: sorted) * 1000
    }

    /// The nearest-rank percentile: the smallest value with at least `share` of values at or below it.
    static func percentile(_ share: Double, of sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((share * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}
