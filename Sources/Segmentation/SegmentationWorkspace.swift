/// The scratch storage one segmentation call works in. The `Segmenter` is an immutable value
/// shared by everyone; each caller owns a workspace and reuses it line after line, so cutting a
/// line allocates nothing once the arrays have grown.
public struct SegmentationWorkspace {
    var line = DecodedLine()
    /// Per scalar: the dictionary code of its folded form.
    var codes: [UInt32] = []
    /// Per scalar that starts a unit of a block (a Chinese character or a Latin word or number):
    /// where the unit ends; -1 inside a unit.
    var unitEnds: [Int32] = []
    /// Per unit start: the best score of the rest of the block from there, and where the first word ends.
    var routeScores: [Double] = []
    var routeEnds: [Int32] = []
    /// Codes handed to the HMM, and its back-pointers.
    var hmmCodes: [UInt32] = []
    var hmmScratch: [UInt8] = []
    /// The tokens of the current line.
    public private(set) var spans: [TokenSpan] = []

    public init() {}

    mutating func prepare(scalarCount: Int) {
        spans.removeAll(keepingCapacity: true)
        if codes.count < scalarCount + 1 {
            let capacity = max(scalarCount + 1, codes.count * 2)
            codes = [UInt32](repeating: 0, count: capacity)
            unitEnds = [Int32](repeating: -1, count: capacity)
            routeScores = [Double](repeating: 0, count: capacity)
            routeEnds = [Int32](repeating: 0, count: capacity)
        }
    }

    @inline(__always)
    mutating func append(_ span: TokenSpan) { spans.append(span) }

    /// Extends the last token to `end` (a mark that attaches to it).
    mutating func extendLastSpan(to end: Int) -> Bool {
        guard let last = spans.last, Int(last.end) == end - 1 else { return false }
        spans[spans.count - 1].end = Int32(end)
        return true
    }
}

extension SegmentationWorkspace {
    /// The UTF-8 bytes of the current line (invalid input already replaced by U+FFFD).
    public var lineBytes: [UInt8] { line.bytes }

    /// Where scalar `index` of the current line starts in `lineBytes`; `count` gives the end.
    @inline(__always)
    public func utf8Offset(ofScalar index: Int32) -> Int { Int(line.utf8Offsets[Int(index)]) }

    /// Calls `body` with the current line's scalars folded for matching (full-width → half-width,
    /// lower case), one per scalar: a `TokenSpan`'s `start..<end` indexes its folded text
    /// (「ＡＢＣ订单」 → `abc订单`), so matching code needs no per-token `String`.
    public func withFoldedScalars<Result>(_ body: (UnsafeBufferPointer<UInt32>) -> Result) -> Result {
        line.folded.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with a view of the current line's tokens that reads their bytes without copying.
    public func withTokenBytes<Result>(_ body: (TokenBytes) -> Result) -> Result {
        line.bytes.withUnsafeBufferPointer { bytes in
            line.utf8Offsets.withUnsafeBufferPointer { offsets in
                spans.withUnsafeBufferPointer { spans in
                    body(TokenBytes(lineBytes: bytes, utf8Offsets: offsets, spans: spans))
                }
            }
        }
    }
}

/// The current line's tokens and their UTF-8 bytes, for writers on the hot path.
public struct TokenBytes {
    let lineBytes: UnsafeBufferPointer<UInt8>
    let utf8Offsets: UnsafeBufferPointer<Int32>
    /// The tokens, in order.
    public let spans: UnsafeBufferPointer<TokenSpan>

    /// The bytes of `span`'s text, as typed.
    @inline(__always)
    public func bytes(of span: TokenSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: lineBytes[Int(utf8Offsets[Int(span.start)])..<Int(utf8Offsets[Int(span.end)])])
    }
}
