import BotDefinition

/// What a slot's value looks like, so a line with something like it but not a valid one can be
/// told what is expected: an order number of 14 digits (`\d{14}` in the entity's pattern), a
/// mobile number of 11, an e-mail address with an @.
///
/// For `order_id: { pattern: '(?<!\d)\d{14}(?!\d)' }`, 「2024110512345」 is a candidate of 13 digits.
public enum SlotValueShape: Sendable, Hashable {
    /// A run of exactly this many digits.
    case digits(Int)
    /// An e-mail address.
    case email
    /// Nothing known (lookup lists, dates, money …): no invalid value is recognised.
    case unknown

    /// Something in a line that looks like a value of this shape but is not a valid one.
    public struct Candidate: Sendable, Hashable {
        /// The text as typed.
        public var value: String
        /// Its number of digits, for digit shapes.
        public var length: Int?

        public init(value: String, length: Int?) {
            self.value = value
            self.length = length
        }
    }

    /// The shape of `entity` in `bot`: a built-in phone or e-mail, or a pattern entity whose
    /// pattern holds one `\d{N}` (lookarounds aside).
    public static func of(entity: String, in bot: Bot) -> SlotValueShape {
        switch entity {
        case "phone": return .digits(11)
        case "email": return .email
        default:
            guard let pattern = bot.patternEntities.first(where: { $0.name == entity })?.pattern else { return .unknown }
            return digitCount(in: pattern).map(SlotValueShape.digits) ?? .unknown
        }
    }

    /// N when the pattern's only quantified part is `\d{N}` or `[0-9]{N}`.
    public static func digitCount(in pattern: String) -> Int? {
        var counts: [Int] = []
        for opener in [#"\d{"#, "[0-9]{"] {
            var rest = pattern[...]
            while let range = rest.range(of: opener) {
                let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
                let after = rest[range.upperBound...].dropFirst(digits.count)
                if after.first == "}", let count = Int(digits) { counts.append(count) } else { return nil }
                rest = after
            }
        }
        return counts.count == 1 ? counts[0] : nil
    }

    /// The first thing in `text` that looks like a value of this shape but is not one: a run of
    /// digits of another length (at least 4, so 「2 件」 is not one), a word with an @ that the
    /// e-mail extractor did not take.
    public func invalidCandidate(in text: String) -> Candidate? {
        switch self {
        case .unknown:
            return nil
        case let .digits(expected):
            var run: [Unicode.Scalar] = []
            for scalar in text.unicodeScalars + [" "] {
                let digit = LineCues.halfWidth(scalar)
                if digit.isASCII, digit.properties.numericType != nil {
                    run.append(digit)
                    continue
                }
                if run.count >= 4, run.count != expected {
                    return Candidate(value: String(String.UnicodeScalarView(run)), length: run.count)
                }
                run = []
            }
            return nil
        case .email:
            let word = text.split(whereSeparator: { $0.isWhitespace || "，,。；;".contains($0) }).first { $0.contains("@") }
            return word.map { Candidate(value: String($0), length: nil) }
        }
    }
}
