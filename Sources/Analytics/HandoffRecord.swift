/// One hand-off case as `kefu stats` reads it from a session store's `handoff` table.
public struct HandoffRecord: Hashable, Sendable {
    /// `asked`, `misses` or `anger`.
    public var reason: String
    /// `waiting`, `claimed`, `released` or `closed`.
    public var status: String
    /// Seconds since 1970 (UTC).
    public var requestedAt: Double
    public var firstReplyAt: Double?

    public init(reason: String, status: String, requestedAt: Double, firstReplyAt: Double? = nil) {
        self.reason = reason
        self.status = status
        self.requestedAt = requestedAt
        self.firstReplyAt = firstReplyAt
    }
}
