/// The broad class of one Unicode scalar, as the script scanner sees it.
enum ScalarClass: UInt8, Sendable {
    /// Whitespace, control and invisible format characters: they separate tokens and are dropped.
    case space
    /// A Chinese character (CJK unified ideographs, their extensions and compatibility forms, 〇).
    case han
    /// A letter of an alphabetic script: Latin, Greek, Cyrillic, Arabic, …
    case letter
    /// A decimal digit (full-width digits are folded to ASCII first).
    case digit
    /// Punctuation: `，。！？、“”（）…`.
    case punct
    /// Symbols: currency, maths, arrows, `+`, `¥`, `℃`.
    case symbol
    /// A pictographic emoji that starts an emoji cluster.
    case emoji
    /// A regional-indicator letter; two make a flag.
    case regionalIndicator
    /// Something that attaches to what precedes it: combining marks, variation selectors, the
    /// zero-width joiner, emoji skin-tone modifiers.
    case mark
    /// A letter of a script written without spaces that is not Chinese: kana, Hangul, Thai, ….
    case other

    /// The class of `scalar`, which must already be folded for matching.
    /// - Complexity: O(1); ASCII and Chinese take a table or range check, the rest asks Unicode properties.
    @inline(__always)
    static func of(_ scalar: UInt32) -> ScalarClass {
        if scalar < 0x80 { return asciiTable[Int(scalar)] }
        if isHan(scalar) { return .han }
        if scalar >= punctuationTableStart && scalar < punctuationTableEnd {
            return punctuationTable[Int(scalar - punctuationTableStart)]
        }
        return ofNonASCII(scalar)
    }

    /// General punctuation, symbols and CJK punctuation (U+2000–U+30FF) come up in almost every
    /// Chinese line (“”、—…。《》), so their classes are looked up once and kept in a table.
    private static let punctuationTableStart: UInt32 = 0x2000
    private static let punctuationTableEnd: UInt32 = 0x3100
    private static let punctuationTable: [ScalarClass] = (punctuationTableStart..<punctuationTableEnd).map(ofNonASCII)

    /// Whether `scalar` is a Chinese character.
    @inline(__always)
    static func isHan(_ scalar: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar)
            || (0x20000...0x3134F).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
            || scalar == 0x3007
    }

    private static let asciiTable: [ScalarClass] = (0..<128).map { value -> ScalarClass in
        let scalar = UInt8(value)
        switch scalar {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case 0..<0x21, 0x7F: return .space
        case UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"),
             UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return .symbol
        default: return .punct
        }
    }

    private static func ofNonASCII(_ value: UInt32) -> ScalarClass {
        guard let scalar = Unicode.Scalar(value) else { return .symbol }
        if (0x1F1E6...0x1F1FF).contains(value) { return .regionalIndicator }
        if (0x1F3FB...0x1F3FF).contains(value) || value == 0x200D || (0xFE00...0xFE0F).contains(value)
            || value == 0x20E3 || (0xE0020...0xE007F).contains(value) {
            return .mark
        }
        let properties = scalar.properties
        if properties.isEmojiPresentation || (properties.isEmoji && value >= 0x1F000) { return .emoji }
        switch properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
             .surrogate, .unassigned, .privateUse:
            return .space
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .decimalNumber:
            return .digit
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter:
            return .letter
        case .otherLetter:
            return isSpacelessScript(value) ? .other : .letter
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punct
        default:
            return .symbol
        }
    }

    /// Scripts written without spaces between words, other than Chinese.
    private static func isSpacelessScript(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x31F0...0x31FF).contains(value)   // kana
            || (0xAC00...0xD7AF).contains(value) || (0x1100...0x11FF).contains(value)
            || (0x3130...0x318F).contains(value)                                  // Hangul
            || (0x0E00...0x0EFF).contains(value) || (0x1000...0x109F).contains(value)
            || (0x1780...0x17FF).contains(value) || (0x0F00...0x0FFF).contains(value) // Thai, Lao, Myanmar, Khmer, Tibetan
            || (0x3100...0x312F).contains(value) || (0xA000...0xA4CF).contains(value) // Bopomofo, Yi
    }
}
