import Privacy
import KefuTestSupport
import Testing

/// Invariants of the mask over many generated lines made of the pieces personal numbers are made
/// of: digits (ASCII and full-width), group separators, stars, `+`, `.`, `@`, letters, Chinese.
@Suite("Privacy mask properties") struct MaskPropertyTests {
    static let pieces = ["13812345678", "138", "1234", "5678", "6222021234567894", "6222", "0212", "3456", "7894",
                         "110101199003071233", "11010519491231002", "X", "x", "86", "+", " ", "-", "*", "****", ".",
                         "@", "li.wei", "example.com", "a", "，", "手机", "卡号", "１３８１２３４５６７８", "０", "9", "0", "　", "－"]

    static func lines(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<(1 + generator.next(12))).map { _ in pieces[generator.next(pieces.count)] }.joined()
        }
    }

    @Test func maskingTwiceIsMaskingOnce() {
        let mask = PrivacyMask()
        for line in Self.lines(count: 20_000, seed: 7) {
            let once = mask.mask(line)
            #expect(mask.mask(once) == once, "\(line) → \(once) → \(mask.mask(once))")
        }
    }

    /// Without an e-mail address the mask only turns digits into `*`, one for one.
    @Test func onlyDigitsTurnIntoStars() {
        let mask = PrivacyMask()
        for line in Self.lines(count: 20_000, seed: 11) where !line.contains("@") {
            let original = Array(line.unicodeScalars), masked = Array(mask.mask(line).unicodeScalars)
            #expect(original.count == masked.count, "\(line)")
            guard original.count == masked.count else { continue }
            for (before, after) in zip(original, masked) where before != after {
                #expect(after == "*" && before.properties.numericType != nil, "\(line) → \(String(String.UnicodeScalarView(masked)))")
            }
        }
    }

    /// Every line holding a known personal number alone between Chinese words is masked.
    @Test func aNumberBetweenWordsIsAlwaysMasked() {
        let mask = PrivacyMask()
        for number in ["13812345678", "6222021234567894", "110101199003071233", "１３８１２３４５６７８"] {
            for (before, after) in [("手机", "谢谢"), ("", ""), ("a ", " b"), ("，", "。"), ("+86 ", "")] {
                let masked = mask.mask(before + number + after)
                #expect(masked.contains("****") && masked.hasPrefix(before) && masked.hasSuffix(after), "\(masked)")
            }
        }
    }
}
