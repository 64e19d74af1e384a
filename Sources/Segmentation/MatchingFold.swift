/// Folding of Unicode scalars for matching: full-width ASCII to half-width, the ideographic space to
/// a space, letters to lower case. Tokens keep their original text; only matching sees the folded form.
///
/// 「ＶＩＰ会员」 and 「vip会员」 fold to the same scalars, so both find the dictionary word `vip会员`.
enum MatchingFold {
    /// The folded form of one scalar.
    /// - Complexity: O(1); ASCII and Chinese are a comparison or two.
    @inline(__always)
    static func fold(_ scalar: UInt32) -> UInt32 {
        if scalar < 0x80 {
            return (0x41...0x5A).contains(scalar) ? scalar | 0x20 : scalar
        }
        if scalar == 0x3000 { return 0x20 }
        if scalar >= 0x2E80 && scalar < 0xFF01 { return scalar }   // CJK punctuation, kana, Chinese: unchanged
        if scalar >= 0x2000 && scalar < 0x2C00 && !(0x2160...0x216F).contains(scalar) && !(0x24B6...0x24CF).contains(scalar) {
            return scalar   // punctuation and symbols: no case, except Roman numerals and circled letters
        }
        if (0xFF01...0xFF5E).contains(scalar) {
            let halfWidth = scalar - 0xFEE0
            return (0x41...0x5A).contains(halfWidth) ? halfWidth | 0x20 : halfWidth
        }
        return lowercased(scalar)
    }

    /// Lower case of a non-ASCII letter when Unicode maps it to exactly one scalar.
    private static func lowercased(_ value: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else { return value }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        guard mapping.count == 1, let lower = mapping.first else { return value }
        return lower.value
    }
}
