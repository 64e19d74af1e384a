/// Masks personal data in text before it is written to disk or a log: mainland mobile numbers,
/// resident ID-card numbers, bank-card numbers and e-mail addresses.
///
/// 「手机13812345678，邮箱li.wei@example.com」 → 「手机138****5678，邮箱l***@example.com」.
///
/// - Mobile numbers `1[3-9]` + 9 digits, alone or after 86 / +86, in one group or as 3-4-4 groups
///   joined by one space or dash: the 4 middle digits become `*`, the shape stays
///   (`138-****-5678`, `+86 138 **** 5678`).
/// - ID-card numbers: 18 characters (the last may be `X`), a region code starting 1–8, a real
///   birth date and a valid GB 11643 check character (ISO 7064 MOD 11-2); written whole or 6-8-4.
///   The first 6 and last 4 stay: `110105********002X`. An 18-digit number that fails the check is
///   left alone.
/// - Bank-card numbers: 13–19 digits that pass Luhn and start like a payment card (16–19 digits
///   starting 3, 4, 5, 6 or 9, or 2221–2720; 13–15 digits starting 3 or 4), whole or in groups of
///   4: the first 4 and last 4 stay. 14-digit order numbers (`20241105123456`) never match.
/// - E-mail addresses: the local part becomes its first character and `***` (`l***@example.com`).
///
/// A number is never read out of a longer run of digits (21 digits are no phone), nor out of a
/// decimal (`0.13812345678`). Full-width digits and letters count. Every other scalar of the text
/// is kept, and masking is idempotent: numbers already masked (`138****5678`) are recognised and
/// kept as they are.
public struct PrivacyMask: Sendable, Hashable {
    /// Whether masking is on (a bot may turn it off in bot.yml: `privacy: { mask: false }`).
    public var isEnabled: Bool

    public init(isEnabled: Bool = true) {
        self.isEnabled = isEnabled
    }

    /// A mask that changes nothing.
    public static let off = PrivacyMask(isEnabled: false)

    /// `text` with every personal value masked (unchanged when masking is off).
    /// - Complexity: O(n) in the text's scalars; text without a digit or `@` is returned as it is.
    public func mask(_ text: String) -> String {
        guard isEnabled else { return text }
        guard text.unicodeScalars.contains(where: Self.mayStartPersonalData) else { return text }
        let original = Array(text.unicodeScalars)
        let folded = original.map(MaskScalar.fold)
        var written: [Unicode.Scalar] = []
        written.reserveCapacity(original.count + 4)
        var position = 0
        while position < original.count {
            let scalar = folded[position]
            if MaskScalar.isDigit(scalar), position == 0 || !MaskScalar.isDigit(folded[position - 1]) {
                let run = DigitRun(folded, from: position)
                let start = written.count
                written.append(contentsOf: original[position..<run.end])
                for hidden in run.maskedPositions(folded) { written[start + hidden - position] = MaskScalar.star }
                position = run.end
            } else if scalar == 0x40, let end = EmailAddress.domainEnd(folded, after: position),
                      case let local = EmailAddress.localPartLength(written), local > 0 {
                let first = written[written.count - local]
                written.removeLast(local)
                written.append(first)
                written.append(contentsOf: [MaskScalar.star, MaskScalar.star, MaskScalar.star])
                written.append(contentsOf: original[position..<end])
                position = end
            } else {
                written.append(original[position])
                position += 1
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: written)
        return String(view)
    }

    /// Each value masked (slot values, for instance), keys as they are.
    public func mask(_ values: [String: String]) -> [String: String] {
        guard isEnabled else { return values }
        return values.mapValues(mask)
    }

    /// Digits (ASCII or full-width) and at signs: text without any has nothing to mask.
    private static func mayStartPersonalData(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x40, 0xFF10...0xFF19, 0xFF20: true
        default: false
        }
    }
}
