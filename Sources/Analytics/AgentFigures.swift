/// What happened to the conversations the bot handed to human agents (`kefu stats` on a store
/// written by `kefu serve --http` with an agent token): why they were handed off, where they
/// stand, and how long customers waited for an agent's first line.
///
/// ```
/// Human agents   7 cases (asked 5, anger 2): 6 answered, first reply after median 42 s (mean 1 min 5 s, max 3 min); 1 waiting
/// ```
public struct AgentFigures: Hashable, Sendable, Codable {
    /// Seconds from the hand-off to an agent's first line, over the cases an agent answered.
    public struct Wait: Hashable, Sendable, Codable {
        public var median: Double
        public var mean: Double
        public var max: Double
    }

    public var cases: Int
    /// Why the bot handed off; shares over the cases.
    public var reasons: Histogram
    /// Where the cases stand (`waiting`, `claimed`, `released`, `closed`).
    public var statuses: Histogram
    /// Cases in which an agent wrote to the customer.
    public var answered: Int
    /// Time to the first agent reply; nil when no case was answered.
    public var firstReply: Wait?

    /// The figures of `records`; nil when there are none.
    public init?(_ records: [HandoffRecord]) {
        guard !records.isEmpty else { return nil }
        cases = records.count
        reasons = Histogram(records.map { Optional($0.reason) })
        statuses = Histogram(records.map { Optional($0.status) })
        let waits = records.compactMap { record in record.firstReplyAt.map { max(0, $0 - record.requestedAt) } }.sorted()
        answered = waits.count
        if waits.isEmpty {
            firstReply = nil
        } else {
            firstReply = Wait(median: Ratio.rounded(Ratio.median(ofSorted: waits)), mean: Ratio.rounded(waits.reduce(0, +) / Double(waits.count)),
                              max: Ratio.rounded(waits.last ?? 0))
        }
    }

    /// The report's line: `7 cases (asked 5, anger 2): 6 answered, first reply after median 42 s …`.
    var summary: String {
        let why = reasons.bars.map { "\($0.name ?? "?") \($0.count)" }.joined(separator: ", ")
        var text = "\(cases) case\(cases == 1 ? "" : "s") (\(why)): \(answered) answered"
        if let firstReply {
            text += ", first reply after median \(Self.duration(firstReply.median)) (mean \(Self.duration(firstReply.mean)), max \(Self.duration(firstReply.max)))"
        }
        let open = statuses.bars.filter { $0.name == "waiting" || $0.name == "claimed" }
        for bar in open { text += "; \(bar.count) \(bar.name ?? "")" }
        return text
    }

    /// `42 s`, `1 min 5 s`, `2 h 3 min`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min" + (whole % 60 == 0 ? "" : " \(whole % 60) s") }
        return "\(whole / 3600) h" + ((whole % 3600) / 60 == 0 ? "" : " \((whole % 3600) / 60) min")
    }
}
