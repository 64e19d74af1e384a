/// One run of digit groups as a customer types a number: 「13812345678」, 「138-1234-5678」,
/// 「+86 138 1234 5678」, 「6222 0212 3456 7890」, 「110101 19900307 123X」 — groups of digits (and
/// `*` of digits already masked) joined by one space or one dash.
///
/// The run starts at a digit with no digit or `*` before it, so a number is never read from the
/// middle of a longer one: in 「123456789012345678901」 (21 digits) the only group is all 21.
struct DigitRun {
    /// The most groups read at once (a 19-digit card in groups of four has five).
    static let maximumGroups = 8

    /// The groups as scalar ranges of the line; a final ID check character `X` is inside its group.
    private(set) var groups: [Range<Int>] = []
    /// `decimal[i]`: group `i` is part of a decimal number (`0.13812345678`, `13812345678.5`) and
    /// never part of a personal number.
    private(set) var decimal: [Bool] = []

    /// Where the run ends (after its last group).
    var end: Int { groups.last?.upperBound ?? 0 }

    /// Reads the run that starts at `start` in `folded` (a digit).
    /// - Complexity: O(length of the run).
    init(_ folded: [UInt32], from start: Int) {
        var position = start
        while groups.count < Self.maximumGroups {
            let groupStart = position
            while position < folded.count, MaskScalar.isDigit(folded[position]) || MaskScalar.isStar(folded[position]) {
                position += 1
            }
            if Self.takesCheckCharacter(folded, at: position, length: position - groupStart, before: groups) {
                position += 1
            }
            groups.append(groupStart..<position)
            guard position + 1 < folded.count, MaskScalar.isGroupSeparator(folded[position]),
                  MaskScalar.isDigit(folded[position + 1]) || MaskScalar.isStar(folded[position + 1]) else { break }
            position += 1
        }
        // Stars after the last digit are not the number's (「**13812345678**」).
        while let last = groups.last {
            var upper = last.upperBound
            while upper > last.lowerBound, MaskScalar.isStar(folded[upper - 1]) { upper -= 1 }
            if upper > last.lowerBound {
                groups[groups.count - 1] = last.lowerBound..<upper
                break
            }
            groups.removeLast()
        }
        decimal = [Bool](repeating: false, count: groups.count)
        if start >= 2, folded[start - 1] == 0x2E, MaskScalar.isDigit(folded[start - 2]), !groups.isEmpty {
            decimal[0] = true
        }
        if end + 1 < folded.count, folded[end] == 0x2E, MaskScalar.isDigit(folded[end + 1]), !groups.isEmpty {
            decimal[groups.count - 1] = true
        }
    }

    /// Whether an `X` at `position` closes an ID number: after 17 characters in one group, or 3
    /// after groups of 6 and 8, and not followed by a letter or digit.
    private static func takesCheckCharacter(_ folded: [UInt32], at position: Int, length: Int, before: [Range<Int>]) -> Bool {
        guard position < folded.count, folded[position] == 0x78 else { return false }
        guard position + 1 >= folded.count || !MaskScalar.isAlphanumeric(folded[position + 1]) else { return false }
        if length == 17 { return true }
        return length == 3 && before.count >= 2 && before[before.count - 2].count == 6 && before[before.count - 1].count == 8
    }
}
