/// The kinds of personal number the mask hides, and which characters of each it hides.
///
/// | kind | example | masked |
/// |---|---|---|
/// | mainland mobile | 13812345678, 138-1234-5678, +86 138 1234 5678 | 138\*\*\*\*5678, 138-\*\*\*\*-5678, +86 138 \*\*\*\* 5678 |
/// | resident ID (valid check character) | 11010519491231002X | 110105\*\*\*\*\*\*\*\*002X |
/// | bank card (Luhn, card prefix) | 6222021234567890 | 6222\*\*\*\*\*\*\*\*7890 |
enum PersonalNumber {
    /// A mobile number of 11 digits `1[3-9]…`, after `prefix` characters (`86`, or none).
    case phone(prefix: Int)
    /// An 18-character resident ID number.
    case residentID
    /// A bank-card number of 13–19 digits.
    case bankCard

    /// What to do with a number's characters (digits 0–9, -1 for `*`, 10 for `X`): the offsets to
    /// mask (empty when the number is already masked), or nil when it is not a number of this kind.
    func maskedOffsets(_ characters: [Int]) -> [Int]? {
        switch self {
        case let .phone(prefix):
            guard characters.count == prefix + 11 else { return nil }
            if prefix == 2, characters[0] != 8 || characters[1] != 6 { return nil }
            return Self.offsets(characters, keep: prefix + 3, hide: 4) { body in
                body[prefix] == 1 && (3...9).contains(body[prefix + 1])
            }
        case .residentID:
            guard characters.count == 18 else { return nil }
            return Self.offsets(characters, keep: 6, hide: 8, checkCharacter: true) { id in
                (1...8).contains(id[0]) && (!id.contains(-1) ? CheckDigits.residentID(id[...]) : true)
            }
        case .bankCard:
            guard (13...19).contains(characters.count) else { return nil }
            return Self.offsets(characters, keep: 4, hide: characters.count - 8) { card in
                CheckDigits.isCardPrefix(card[...]) && (!card.contains(-1) ? CheckDigits.luhn(card[...]) : true)
            }
        }
    }

    /// The `hide` offsets after the first `keep` when those are all digits and `isValid` holds;
    /// none when they are all `*` already (a masked number: only its visible digits are checked);
    /// nil otherwise. Digits outside the hidden part must be digits (the last may be `X` when
    /// `checkCharacter`).
    private static func offsets(_ characters: [Int], keep: Int, hide: Int, checkCharacter: Bool = false,
                                isValid: ([Int]) -> Bool) -> [Int]? {
        let hidden = keep..<(keep + hide)
        for (offset, character) in characters.enumerated() where !hidden.contains(offset) {
            let allowed = checkCharacter && offset == characters.count - 1 ? 0...10 : 0...9
            guard allowed.contains(character) else { return nil }
        }
        let part = characters[hidden]
        if part.allSatisfy({ (0...9).contains($0) }) {
            return isValid(characters) ? Array(hidden) : nil
        }
        if part.allSatisfy({ $0 == -1 }) {
            return isValid(characters) ? [] : nil
        }
        return nil
    }
}
