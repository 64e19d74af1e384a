import ChatCore

/// A token as the segmenter produces it on the hot path: a kind and a range of scalar indices of
/// the decoded line. `Token` values with text and byte offsets are made from these on request.
public struct TokenSpan: Hashable, Sendable {
    public var start: Int32
    public var end: Int32
    public var kind: Token.Kind

    @inline(__always)
    public init(start: Int, end: Int, kind: Token.Kind) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
        self.kind = kind
    }
}
