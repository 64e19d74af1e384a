/// How the masker reads one scalar: full-width ASCII folded to half-width (「１３８」 are digits,
/// 「＠」 is an at sign, 「　」 a space), letters to lower case.
///
/// One scalar in, one out, so a mask never moves the text around it.
enum MaskScalar {
    static let star: Unicode.Scalar = "*"

    /// The half-width, lower-case form of `scalar` for ASCII and full-width ASCII; others unchanged.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        var value = scalar.value
        if value == 0x3000 { return 0x20 }
        if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
        if (0x41...0x5A).contains(value) { value += 0x20 }
        return value
    }

    /// 0–9 for an ASCII or full-width digit, nil otherwise.
    @inline(__always)
    static func digit(_ folded: UInt32) -> Int? {
        (0x30...0x39).contains(folded) ? Int(folded - 0x30) : nil
    }

    @inline(__always)
    static func isDigit(_ folded: UInt32) -> Bool { (0x30...0x39).contains(folded) }

    /// A masked digit: `*` (or 「＊」).
    @inline(__always)
    static func isStar(_ folded: UInt32) -> Bool { folded == 0x2A }

    /// A letter or digit (ASCII or full-width): what must not touch a number's check character `X`.
    @inline(__always)
    static func isAlphanumeric(_ folded: UInt32) -> Bool {
        (0x30...0x39).contains(folded) || (0x61...0x7A).contains(folded)
    }

    /// What may join the groups of one number: one space (or 「　」) or one dash (or 「－」).
    @inline(__always)
    static func isGroupSeparator(_ folded: UInt32) -> Bool { folded == 0x20 || folded == 0x2D }

    /// What an e-mail address's local part is made of: letters, digits, `. _ % + -`, and `*` of an
    /// address already masked.
    @inline(__always)
    static func isLocalPart(_ folded: UInt32) -> Bool {
        isAlphanumeric(folded) || folded == 0x2E || folded == 0x5F || folded == 0x25 || folded == 0x2B
            || folded == 0x2D || folded == 0x2A
    }
}
