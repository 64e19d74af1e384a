import Foundation

/// How the customer's own words fill a free-text slot (an address, an invoice title, a reason):
/// the line is tidied, then checked for length and shape.
///
/// ```yaml
/// address:    { entity: text, prompt: 请告诉我新的收货地址。, min_length: 8, max_length: 120 }
/// tax_number: { entity: text, prompt: 请提供税号。, pattern: '[0-9A-Z]{15,20}', normalize: [compact, upper] }
/// ```
/// 「税号是 9111 0108 ma01 abcd 2x」 → `91110108MA01ABCD2X`.
///
/// With `after: [改成, 换成, 寄到]` the request itself may carry the value:
/// 「20261122110011 这单地址换成 北京市朝阳区望京西路12号」 fills the address before it is asked.
public struct FreeTextRule: Hashable, Sendable {
    /// The fewest letters, digits and Han characters a value may have.
    public var minimumLength: Int
    /// The most letters, digits and Han characters a value may have.
    public var maximumLength: Int
    /// An ICU regular expression the whole tidied value must match.
    public var pattern: String?
    /// What is done to the value after tidying, in order.
    public var normalizations: [Normalization]
    /// Words after which the line that starts the form may already give the value (`after:`);
    /// empty: the value is only taken when asked for.
    public var leadWords: [String]

    /// A change to a free-text value.
    public enum Normalization: String, Hashable, Sendable, CaseIterable {
        /// Letters in upper case (tax numbers, tracking numbers).
        case upper
        /// Letters in lower case.
        case lower
        /// Spaces and dashes removed (「9111 0108-MA01」 → 「91110108MA01」).
        case compact
    }

    /// Why a value does not fit.
    public enum Problem: Hashable, Sendable {
        case tooShort(length: Int)
        case tooLong(length: Int)
        case wrongShape
    }

    public init(minimumLength: Int = 2, maximumLength: Int = 200, pattern: String? = nil, normalizations: [Normalization] = [],
                leadWords: [String] = []) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        self.pattern = pattern
        self.normalizations = normalizations
        self.leadWords = leadWords
    }

    /// The value a request gives after one of the lead words, tidied; nil when no lead word
    /// occurs or what follows the first one does not fit.
    /// 「收货地址要换成 北京朝阳区望京西路12号院3号楼」 → 「北京朝阳区望京西路12号院3号楼」.
    public func valueAfterLeadWord(in line: String) -> String? {
        let found = leadWords.compactMap { word in line.range(of: word).map { (word, $0) } }
            .min { $0.1.lowerBound < $1.1.lowerBound }
        guard let (_, range) = found else { return nil }
        let value = value(from: String(line[range.upperBound...]))
        return problem(with: value) == nil ? value : nil
    }

    /// The value a line gives: full-width forms as half-width, runs of spaces as one, a short
    /// lead-in such as 「地址是」「改成」「抬头：」 dropped, trailing punctuation dropped, then the
    /// normalizations. 「新地址是：北京市朝阳区望京街１０号。」 → 「北京市朝阳区望京街10号」.
    public func value(from line: String) -> String {
        var scalars: [Unicode.Scalar] = []
        for raw in line.unicodeScalars {
            let scalar = Self.halfWidth(raw)
            if scalar.properties.isWhitespace {
                if let last = scalars.last, last != " " { scalars.append(" ") }
            } else {
                scalars.append(scalar)
            }
        }
        scalars = Self.droppingLeadIn(scalars)
        while let last = scalars.last, last == " " || Self.trailingPunctuation.contains(last) { scalars.removeLast() }
        while let first = scalars.first, first == " " { scalars.removeFirst() }
        var text = String(String.UnicodeScalarView(scalars))
        for normalization in normalizations {
            switch normalization {
            case .upper: text = text.uppercased()
            case .lower: text = text.lowercased()
            case .compact: text = String(text.unicodeScalars.filter { $0 != " " && $0 != "-" })
            }
        }
        return text
    }

    /// What is wrong with a tidied value; nil when it fits.
    public func problem(with value: String) -> Problem? {
        let length = Self.contentLength(value)
        if length < minimumLength { return .tooShort(length: length) }
        if length > maximumLength { return .tooLong(length: length) }
        if let pattern, !Self.wholeMatch(pattern, value) { return .wrongShape }
        return nil
    }

    /// Letters, digits and Han characters in `text`.
    public static func contentLength(_ text: String) -> Int {
        text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.count
    }

    /// Whether the ICU `pattern` matches all of `text` (an invalid pattern matches nothing; `kefu check` reports it).
    static func wholeMatch(_ pattern: String, _ text: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$") else { return false }
        return expression.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// Words that end a lead-in (「地址是」「改成」「抬头：」) when they come within the first few characters.
    static let leadInEnds: [[Unicode.Scalar]] = [":", "改成", "改为", "换成", "是"].map { Array($0.unicodeScalars) }
    static let leadInReach = 7
    /// What a lead-in may be made of: words naming the answer and polite filler (「新地址」「发票抬头」
    /// 「麻烦帮我改」). 「颜色改成米白」 keeps its 颜色: that is part of the answer.
    static let leadInCharacters = Set("地址收货新的发票抬头公司名称单位税号原因理由我要想请帮忙麻烦就把它给写填改是吧那嗯好件人电话信息 ".unicodeScalars)
    static let trailingPunctuation: Set<Unicode.Scalar> = ["。", ".", "!", "~", ","]

    private static func droppingLeadIn(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        for end in leadInEnds {
            guard scalars.count > end.count else { continue }
            for start in 0...min(leadInReach, scalars.count - end.count) where Array(scalars[start..<start + end.count]) == end {
                guard scalars[..<start].allSatisfy(leadInCharacters.contains) else { break }
                let rest = Array(scalars[(start + end.count)...])
                if contentLength(String(String.UnicodeScalarView(rest))) >= 2 { return rest }
                break
            }
        }
        return scalars
    }

    private static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value == 0x3000 { return " " }
        guard (0xFF01...0xFF5E).contains(scalar.value) else { return scalar }
        return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
    }
}
