/// Counts of names (intents, answer ids, policies) with each one's share of a total, largest
/// first, ties by name; a nil name (no intent) sorts last.
///
/// `[order_status: 40, return_request: 25, nil: 5]` of 70 turns → 57.1 %, 35.7 %, 7.1 %.
public struct Histogram: Hashable, Sendable, Codable {
    /// One name and how often it was seen.
    public struct Bar: Hashable, Sendable, Codable {
        /// The name counted; nil for "none" (a turn without an intent).
        public var name: String?
        public var count: Int
        /// `count` over the histogram's total, rounded to four decimals.
        public var share: Double

        /// Encodes every key, `"name": null` included, so JSON readers see the same keys always.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(count, forKey: .count)
            try container.encode(share, forKey: .share)
        }
    }

    /// The total the shares are of (may exceed the counts' sum when some items have no name to count).
    public var total: Int
    public var bars: [Bar]

    /// The histogram of `names` (nil entries counted as "none"), shares over `total` (default: the count of `names`).
    public init(_ names: some Sequence<String?>, total: Int? = nil) {
        var counts: [String?: Int] = [:]
        var seen = 0
        for name in names {
            counts[name, default: 0] += 1
            seen += 1
        }
        let total = total ?? seen
        self.total = total
        bars = counts.map { Bar(name: $0.key, count: $0.value, share: Ratio.rounded($0.value, of: total)) }
            .sorted { a, b in
                if a.count != b.count { return a.count > b.count }
                switch (a.name, b.name) {
                case let (x?, y?): return x < y
                case (_?, nil): return true
                default: return false
                }
            }
    }

    /// The count for `name` (0 when never seen).
    public func count(of name: String?) -> Int { bars.first { $0.name == name }?.count ?? 0 }
}

/// Shares and averages rounded for reports.
enum Ratio {
    /// `part / whole` rounded to four decimals; 0 when `whole` is 0.
    static func rounded(_ part: Int, of whole: Int) -> Double {
        whole == 0 ? 0 : rounded(Double(part) / Double(whole))
    }

    static func rounded(_ value: Double, places: Double = 10_000) -> Double { (value * places).rounded() / places }

    /// The middle of sorted values (the mean of the two middle ones for an even count); 0 for none.
    static func median(ofSorted values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }
}
