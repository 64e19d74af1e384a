/// A line as regex entities read it: full-width forms as half-width (one scalar for one, so
/// offsets stay), and, when the line groups digits with single spaces or dashes
/// (「２０２６ １１２０ ０９３０１５」, 「2026-1120-093015」), a second text with those separators
/// left out, each of its scalars mapped back to its place in the line. So an order number typed
/// in full-width digits or in groups is still one 14-digit value.
struct PatternText {
    struct Text {
        let string: String
        /// For each UTF-16 offset of `string`, its scalar offset (−1 inside a surrogate pair).
        let scalarOffsets: [Int]
        /// For each scalar of `string` (and one past the end), its scalar offset in the line.
        let lineOffsets: [Int]
    }

    /// The line, half-width.
    let plain: Text
    /// The line without the separators inside digit groups; nil when it has none.
    let joined: Text?

    init(_ line: LineText) {
        let scalars = line.original.map(Self.halfWidth)
        plain = Text(string: String(String.UnicodeScalarView(scalars)), scalarOffsets: Self.utf16ToScalar(scalars),
                     lineOffsets: Array(0...scalars.count))
        var kept: [Unicode.Scalar] = []
        var places: [Int] = []
        var dropped = false
        for (index, scalar) in scalars.enumerated() {
            if Self.separates(at: index, in: scalars) {
                dropped = true
                continue
            }
            kept.append(scalar)
            places.append(index)
        }
        places.append(scalars.count)
        joined = dropped ? Text(string: String(String.UnicodeScalarView(kept)), scalarOffsets: Self.utf16ToScalar(kept),
                                lineOffsets: places) : nil
    }

    /// A space or dash with at least two digits on each side.
    private static func separates(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard scalars[index] == " " || scalars[index] == "-", index >= 2, index + 2 < scalars.count else { return false }
        return isDigit(scalars[index - 1]) && isDigit(scalars[index - 2]) && isDigit(scalars[index + 1]) && isDigit(scalars[index + 2])
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value == 0x3000 { return " " }
        guard (0xFF01...0xFF5E).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) else { return scalar }
        return half
    }

    private static func utf16ToScalar(_ scalars: [Unicode.Scalar]) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        for (index, scalar) in scalars.enumerated() {
            offsets.append(index)
            if scalar.utf16.count == 2 { offsets.append(-1) }
        }
        offsets.append(scalars.count)
        return offsets
    }
}
