import ChatCore

/// Finds the tokens that are not Chinese words: Latin words, numbers, phone numbers, e-mail
/// addresses, URLs, punctuation, symbols, emoji and runs of other scripts, each kept whole.
///
/// 「联系li.wei@example.com或13812345678，iPhone15价格3,200元」 gives `li.wei@example.com`
/// (email), `13812345678` (phone), `iPhone15` (latin) and `3,200` (number) as single tokens.
/// Every function takes the position where a token starts and returns where it ends.
struct ScriptScanner {
    let line: DecodedLine

    // MARK: Letters and digits

    /// The token that starts with a letter or digit at `start`: a URL, an e-mail address, a phone
    /// number, a number, a keycap emoji or a Latin word.
    func alphanumeric(at start: Int) -> (end: Int, kind: Token.Kind) {
        if line.classes[start] == .digit, let keycap = keycapEnd(after: start + 1) { return (keycap, .emoji) }
        if line.classes[start] == .letter, let end = url(at: start) { return (end, .url) }
        if line.containsAt, let end = email(at: start) { return (end, .email) }
        var end = start
        var hasLetter = false
        while end < line.count {
            switch line.classes[end] {
            case .letter: hasLetter = true
            case .digit, .mark: break
            default:
                if let next = joinedContinuation(after: end, hasLetter: hasLetter) {
                    end = next
                    continue
                }
                return hasLetter ? (end, .latin) : number(digitsFrom: start, to: end)
            }
            end += 1
        }
        return hasLetter ? (end, .latin) : number(digitsFrom: start, to: end)
    }

    /// After a run of letters and digits that ends at `position`: where the word goes on when a
    /// joiner links it to more letters or digits (`Wi-Fi`, `don't`, `user_name`, `v1.2`).
    private func joinedContinuation(after position: Int, hasLetter: Bool) -> Int? {
        guard position + 1 < line.count, isAlphanumeric(position + 1) else { return nil }
        switch line.folded[position] {
        case 0x2D, 0x5F, 0x27, 0x2019:   // - _ ' ’
            return hasLetter ? position + 1 : nil
        case 0x2E:                         // . between digits inside a word: v1.2.3
            return hasLetter && line.classes[position - 1] == .digit && line.classes[position + 1] == .digit ? position + 1 : nil
        default:
            return nil
        }
    }

    /// A run of digits `start..<digitsEnd`, extended by thousands separators, a decimal part and a
    /// percent sign; mobile-number shapes become phones.
    private func number(digitsFrom start: Int, to digitsEnd: Int) -> (end: Int, kind: Token.Kind) {
        let count = line.count
        if let phoneEnd = mobileNumber(at: start) { return (phoneEnd, .phone) }
        var end = digitsEnd
        // Thousands: 3,200 and 1,234,567 (ASCII commas only: ， is a sentence comma in Chinese).
        if digitsEnd - start <= 3 {
            while end + 3 < count, line.scalars[end] == 0x2C, digitRun(from: end + 1) == 3 {
                end += 4
            }
        }
        // Decimals: 12.5, １２．５.
        if end + 1 < count, line.folded[end] == 0x2E, line.classes[end + 1] == .digit {
            end += 1
            while end < count, line.classes[end] == .digit { end += 1 }
        }
        if end < count, line.folded[end] == 0x25 { end += 1 }   // 17%
        return (end, .number)
    }

    /// The number of digits in the run that starts at `position`.
    private func digitRun(from position: Int) -> Int {
        var end = position
        while end < line.count, line.classes[end] == .digit { end += 1 }
        return end - position
    }

    /// A mainland mobile number at `start`: `1[3-9]` and nine more digits, bare or as 3-4-4 with dashes.
    func mobileNumber(at start: Int) -> Int? {
        guard start + 1 < line.count, line.folded[start] == 0x31,
              (0x33...0x39).contains(line.folded[start + 1]) else { return nil }
        let run = digitRun(from: start)
        if run == 11 { return isWordEnd(start + 11) ? start + 11 : nil }
        guard run == 3, start + 13 <= line.count,
              line.folded[start + 3] == 0x2D, digitRun(from: start + 4) == 4,
              line.folded[start + 8] == 0x2D, digitRun(from: start + 9) == 4,
              isWordEnd(start + 13) else { return nil }
        return start + 13
    }

    /// Whether no letter or digit follows `position`.
    private func isWordEnd(_ position: Int) -> Bool {
        position >= line.count || !isAlphanumeric(position)
    }

    @inline(__always)
    private func isAlphanumeric(_ position: Int) -> Bool {
        let scalarClass = line.classes[position]
        return scalarClass == .letter || scalarClass == .digit
    }

    /// A keycap emoji (`1️⃣`, `#️⃣`): the end after an optional U+FE0F and U+20E3.
    private func keycapEnd(after position: Int) -> Int? {
        var end = position
        if end < line.count, line.scalars[end] == 0xFE0F { end += 1 }
        return end < line.count && line.scalars[end] == 0x20E3 ? end + 1 : nil
    }

    // MARK: URLs and e-mail

    private static let urlPrefixes: [[UInt32]] = ["http://", "https://", "ftp://", "www."].map { $0.unicodeScalars.map(\.value) }

    /// A URL starting at `start` with a scheme or `www.`, up to the first character a URL cannot
    /// hold, without trailing sentence punctuation or an unbalanced closing parenthesis.
    func url(at start: Int) -> Int? {
        guard Self.urlPrefixes.contains(where: { hasPrefix($0, at: start) }) else { return nil }
        var end = start
        var openParentheses = 0
        while end < line.count, let scalar = Unicode.Scalar(line.scalars[end]), scalar.isASCII, Self.isURLCharacter(scalar) {
            if scalar == "(" { openParentheses += 1 }
            if scalar == ")" { openParentheses -= 1 }
            end += 1
        }
        while end > start {
            let last = line.scalars[end - 1]
            if ".,;:!?'\"".unicodeScalars.contains(where: { $0.value == last }) || (last == 0x29 && openParentheses < 0) {
                if last == 0x29 { openParentheses += 1 }
                end -= 1
            } else {
                break
            }
        }
        let prefixLength = Self.urlPrefixes.first { hasPrefix($0, at: start) }?.count ?? 0
        return end - start > prefixLength ? end : nil
    }

    private static func isURLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return "-._~:/?#[]@!$&'()*+,;=%".unicodeScalars.contains(scalar)
        }
    }

    private func hasPrefix(_ prefix: [UInt32], at start: Int) -> Bool {
        guard start + prefix.count <= line.count else { return false }
        for (offset, value) in prefix.enumerated() where line.folded[start + offset] != value { return false }
        return true
    }

    /// An e-mail address starting at `start`: a local part of letters, digits and `._%+-`, an `@`,
    /// and a domain of dot-separated labels whose last is at least two letters.
    func email(at start: Int) -> Int? {
        var position = start
        while position < line.count, Self.isLocalPartCharacter(line.folded[position]) { position += 1 }
        guard position > start, position < line.count, line.folded[position] == 0x40 else { return nil }
        position += 1
        let domainStart = position
        while position < line.count {
            let scalar = line.folded[position]
            if scalar == 0x2E {
                guard position > domainStart, line.folded[position - 1] != 0x2E else { break }
            } else if !(Self.isASCIIAlphanumeric(scalar) || scalar == 0x2D) {
                break
            }
            position += 1
        }
        // A sentence may end right after the address: `li.wei@example.com.`
        while position > domainStart, line.folded[position - 1] == 0x2E || line.folded[position - 1] == 0x2D { position -= 1 }
        var lastDot = position - 1
        while lastDot > domainStart, line.folded[lastDot] != 0x2E { lastDot -= 1 }
        guard lastDot > domainStart, lastDot < position - 2 else { return nil }
        for index in (lastDot + 1)..<position where !(0x61...0x7A).contains(line.folded[index]) { return nil }
        return position
    }

    private static func isASCIIAlphanumeric(_ scalar: UInt32) -> Bool {
        (0x61...0x7A).contains(scalar) || (0x30...0x39).contains(scalar)
    }

    private static func isLocalPartCharacter(_ scalar: UInt32) -> Bool {
        isASCIIAlphanumeric(scalar) || scalar == 0x2E || scalar == 0x5F || scalar == 0x25 || scalar == 0x2B || scalar == 0x2D
    }

    // MARK: Everything else

    /// A run of one punctuation mark or symbol repeated (`！！！`, `……`, `——`), a `+86` phone, or a
    /// text symbol asked to look like an emoji (`❤️`, `☺️`, `#️⃣`).
    func punctuationOrSymbol(at start: Int) -> (end: Int, kind: Token.Kind) {
        if line.folded[start] == 0x2B, let end = internationalMobileNumber(at: start) { return (end, .phone) }
        if line.scalars[start] == 0x23 || line.scalars[start] == 0x2A, let keycap = keycapEnd(after: start + 1) { return (keycap, .emoji) }
        if isEmojiPresentation(at: start) { return (emoji(at: start), .emoji) }
        let scalar = line.folded[start]
        var end = start + 1
        while end < line.count, line.folded[end] == scalar { end += 1 }
        return (marksEnd(from: end), line.classes[start] == .punct ? .punct : .symbol)
    }

    /// `+86` followed by a mobile number, directly or after a dash: `+8613812345678`, `+86-138-1234-5678`.
    private func internationalMobileNumber(at start: Int) -> Int? {
        guard hasPrefix([0x2B, 0x38, 0x36], at: start) else { return nil }
        var position = start + 3
        if position < line.count, line.folded[position] == 0x2D { position += 1 }
        return mobileNumber(at: position)
    }

    /// An emoji cluster: a pictograph with its variation selector, skin tone and tags, joined by
    /// zero-width joiners to more pictographs (`👨‍👩‍👧`); or a pair of regional indicators (a flag).
    func emoji(at start: Int) -> Int {
        if line.classes[start] == .regionalIndicator {
            let pairEnd = start + 1 < line.count && line.classes[start + 1] == .regionalIndicator ? start + 2 : start + 1
            return marksEnd(from: pairEnd)
        }
        var end = marksEnd(from: start + 1)
        while end < line.count, line.scalars[end - 1] == 0x200D, line.classes[end] == .emoji || isEmojiPresentation(at: end) {
            end = marksEnd(from: end + 1)
        }
        return end
    }

    /// Whether the symbol at `position` is followed by U+FE0F, the selector that shows it as an emoji.
    private func isEmojiPresentation(at position: Int) -> Bool {
        line.classes[position] == .symbol && position + 1 < line.count && line.scalars[position + 1] == 0xFE0F
    }

    /// A run of scalars of the class at `start` (used for scripts without spaces: kana, Hangul, …).
    func run(at start: Int) -> Int {
        let scalarClass = line.classes[start]
        var end = start + 1
        while end < line.count, line.classes[end] == scalarClass || line.classes[end] == .mark { end += 1 }
        return end
    }

    /// The end of the marks (combining marks, selectors, joiners, modifiers) from `position` on.
    func marksEnd(from position: Int) -> Int {
        var end = position
        while end < line.count, line.classes[end] == .mark { end += 1 }
        return end
    }
}
