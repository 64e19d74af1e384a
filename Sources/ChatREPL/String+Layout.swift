extension String {
    /// The text padded with spaces to `width` terminal columns (CJK characters count two), for
    /// aligned tables: 「退货」 is four columns wide.
    func padded(to width: Int) -> String {
        let columns = unicodeScalars.reduce(0) { $0 + ($1.isWide ? 2 : 1) }
        return columns >= width ? self : self + String(repeating: " ", count: width - columns)
    }
}

extension Unicode.Scalar {
    /// Whether the scalar takes two columns on a terminal (CJK, full-width forms, Hangul).
    var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension StringProtocol {
    /// The text without the spaces, tabs, line breaks and ideographic spaces around it.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
