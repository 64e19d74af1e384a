/// One token of a customer's line: its original text, what kind of thing it is, and exactly where
/// it stands in the line.
///
/// Offsets are never recovered by searching: the segmenter records them as it cuts.
/// For 「查订单20241105123456」 the tokens are `查`(word, scalars 0..<1), `订单`(word, 1..<3) and
/// `20241105123456`(number, 3..<17).
public struct Token: Hashable, Sendable {
    /// The token's text exactly as the customer typed it (full-width, upper case and all).
    public var text: String
    /// The text as matching sees it: full-width ASCII made half-width, Latin letters case-folded.
    public var normalized: String
    /// What kind of text the token is.
    public var kind: Kind
    /// Offsets of the token in the UTF-8 bytes of the original line.
    public var utf8Range: Range<Int>
    /// Offsets of the token in the Unicode scalars of the original line.
    public var scalarRange: Range<Int>

    public init(text: String, normalized: String, kind: Kind, utf8Range: Range<Int>, scalarRange: Range<Int>) {
        self.text = text
        self.normalized = normalized
        self.kind = kind
        self.utf8Range = utf8Range
        self.scalarRange = scalarRange
    }

    /// The token's range as string indices of `line`, the line it was cut from.
    public func range(in line: String) -> Range<String.Index> {
        let utf8 = line.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: utf8Range.lowerBound)
        let upper = utf8.index(lower, offsetBy: utf8Range.count)
        return lower..<upper
    }
}

extension Token {
    /// The kinds of token the segmenter tells apart.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Chinese words, and dictionary words that mix scripts (`T恤`, `4s店`).
        case word
        /// Words in alphabetic scripts, including letter–digit mixes: `iPhone15`, `A123B`, `Wi-Fi`.
        case latin
        /// Digits, decimals, separated thousands and percentages: `12.5`, `3,200`, `17%`, order numbers.
        case number
        /// Mainland mobile numbers: `13812345678`, `138-1234-5678`, `+8613812345678`.
        case phone
        /// E-mail addresses: `li.wei@example.com`.
        case email
        /// Web addresses: `https://shop.example.com/a?b=1`, `www.example.com`.
        case url
        /// Punctuation; a run of one mark repeated (`！！！`, `……`) is one token.
        case punct
        /// Symbols such as `¥`, `+`, `℃`.
        case symbol
        /// An emoji, with its modifiers and joiners: `👍🏽`, `👨‍👩‍👧`, `🇨🇳`.
        case emoji
        /// Text in other scripts without spaces between words (kana, Hangul, Thai, …), a run at a time.
        case other
    }
}
