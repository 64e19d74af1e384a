/// Folding for matching lookup lists and built-in words: full-width ASCII to half-width, the
/// ideographic space to a space, letters to lower case. 「ＢｅｉＪｉｎｇ」 and 「beijing」 match.
///
/// One scalar in, one out, so folded text keeps the offsets of the original.
enum ScalarFold {
    static func fold(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A: return value + 0x20
        case 0..<0x80: return value
        case 0x3000: return 0x20
        case 0xFF01...0xFF5E: return fold(value - 0xFEE0)
        case 0x2E80..<0xFF01: return value   // Chinese, kana, CJK punctuation: no case
        default:
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased,
                  let lower = scalar.properties.lowercaseMapping.unicodeScalars.first,
                  scalar.properties.lowercaseMapping.unicodeScalars.count == 1 else { return value }
            return lower.value
        }
    }

    /// The folded scalars of `text`.
    static func fold(_ text: String) -> [UInt32] { text.unicodeScalars.map { fold($0.value) } }
}
