/// A per-session rate limit: `capacity` lines at once, refilled at `perSecond`. A customer
/// typing never meets it; a script flooding one session does.
public struct TokenBucket: Sendable, Equatable {
    /// How many lines a session may send at once and how fast the allowance comes back.
    public struct Limit: Sendable, Equatable {
        public var capacity: Double
        public var perSecond: Double

        public init(capacity: Double, perSecond: Double) {
            self.capacity = capacity
            self.perSecond = perSecond
        }

        /// 20 lines at once, then 2 a second.
        public static let standard = Limit(capacity: 20, perSecond: 2)
        /// No limit.
        public static let unlimited = Limit(capacity: .infinity, perSecond: .infinity)
    }

    private var tokens: Double
    private var updated: Double

    public init(_ limit: Limit, now: Double) {
        tokens = limit.capacity
        updated = now
    }

    /// Takes one line's token at `now`; false when the session is over its limit.
    public mutating func take(_ limit: Limit, now: Double) -> Bool {
        if limit.capacity.isInfinite { return true }
        tokens = min(limit.capacity, tokens + max(0, now - updated) * limit.perSecond)
        updated = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
