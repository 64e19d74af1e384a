import ChatCore

extension BuiltInScanner {
    /// E-mail addresses and URLs as the segmenter found them; mainland mobile numbers from a phone
    /// token or from digit groups the segmenter kept apart (「+86 138 1234 5678」 is five tokens);
    /// numbers and addresses as a privacy mask writes them (「138****5678」, 「l***@example.com」),
    /// so a masked transcript fills the same slots.
    mutating func scanContact(tokenIndex: Int) {
        let token = line.tokens[tokenIndex]
        if token.kind == .latin || token.kind == .number {
            scanMaskedEmail(from: token.scalarRange.lowerBound)
        }
        switch token.kind {
        case .email:
            var folded = String.UnicodeScalarView()
            for index in token.scalarRange {
                folded.append(Unicode.Scalar(line.folded[index]) ?? line.original[index])
            }
            propose(.email, .text(String(folded)), token.scalarRange)
        case .url:
            propose(.url, .text(token.text), token.scalarRange)
        case .phone, .number, .symbol:
            scanPhone(from: tokenIndex)
        default:
            break
        }
    }

    /// 13812345678, 138-1234-5678, 138 1234 5678, +86 138 1234 5678, +8613812345678, １３８… → "13812345678".
    /// Groups may be joined by one space or a dash; a leading `+` must be followed by 86.
    /// A masked number keeps its mask: 138****5678, 138-****-5678, +86 138 **** 5678 → "138****5678".
    private mutating func scanPhone(from first: Int) {
        let tokens = line.tokens
        var index = first
        var plus = false
        if tokens[index].kind == .symbol {
            guard line[tokens[index].scalarRange.lowerBound] == 0x2B, tokens[index].scalarRange.count == 1,
                  index + 1 < tokens.count,
                  tokens[index + 1].scalarRange.lowerBound == tokens[index].scalarRange.upperBound else { return }
            plus = true
            index += 1
        }
        var digits: [UInt8] = []
        let start = tokens[first].scalarRange.lowerBound
        while index < tokens.count, digits.count < 13 {
            let token = tokens[index]
            let stars = isStars(token)
            guard token.kind == .number || token.kind == .phone || stars else { return }
            for position in token.scalarRange {
                let scalar = line[position]
                if (0x30...0x39).contains(scalar) {
                    digits.append(UInt8(scalar - 0x30))
                } else if scalar == 0x2A {
                    digits.append(Self.maskedDigit)
                } else if !(scalar == 0x2D || scalar == 0x2B || scalar == 0x20) {
                    return
                }
            }
            if let number = Self.mobileNumber(digits, plus: plus || line[token.scalarRange.lowerBound] == 0x2B) {
                propose(.phone, .text(number), start..<token.scalarRange.upperBound)
            }
            // The next group: after one space, or after a dash token; masked digits touch their neighbours.
            var next = index + 1
            guard next < tokens.count else { return }
            let gap = tokens[next].scalarRange.lowerBound - token.scalarRange.upperBound
            if gap == 0, tokens[next].kind == .punct, line[tokens[next].scalarRange.lowerBound] == 0x2D,
               tokens[next].scalarRange.count == 1, next + 1 < tokens.count,
               tokens[next + 1].scalarRange.lowerBound == tokens[next].scalarRange.upperBound {
                next += 1
            } else if gap == 0, stars || isStars(tokens[next]) {
                // 138****5678: digits, stars, digits
            } else if gap != 1 {
                return
            }
            index = next
        }
    }

    /// A digit a privacy mask hid (`*`).
    static let maskedDigit: UInt8 = 10

    /// The 11 digits of a mainland mobile number (1[3-9] + 9), with or without the 86 prefix; a
    /// masked number (its 4 middle digits `*`, ``maskedDigit``) keeps its stars: "138****5678".
    static func mobileNumber(_ digits: [UInt8], plus: Bool) -> String? {
        var body = digits[...]
        if body.count == 13, body.starts(with: [8, 6]) {
            body = body.dropFirst(2)
        } else if plus {
            return nil
        }
        guard body.count == 11, body.first == 1, let second = body.dropFirst().first, (3...9).contains(second) else {
            return nil
        }
        let hidden = body.indices.filter { body[$0] == maskedDigit }.map { $0 - body.startIndex }
        guard hidden.isEmpty || hidden == [3, 4, 5, 6] else { return nil }
        return String(decoding: body.map { $0 == maskedDigit ? 0x2A : $0 + 0x30 }, as: UTF8.self)
    }

    /// Whether the token is only `*` (「****」, 「＊＊＊＊」): digits a privacy mask hid.
    private func isStars(_ token: Token) -> Bool {
        token.kind == .punct && token.scalarRange.allSatisfy { line[$0] == 0x2A }
    }
}
