extension DigitRun {
    /// A way a personal number is written in groups: the groups' lengths and what it is.
    private struct Layout {
        var lengths: [ClosedRange<Int>]
        var kind: PersonalNumber
    }

    /// The layouts in groups, by the length of the first group, longest first.
    private static let layouts: [Int: [Layout]] = [
        2: [Layout(lengths: [2...2, 3...3, 4...4, 4...4], kind: .phone(prefix: 2)),    // 86 138 1234 5678
            Layout(lengths: [2...2, 11...11], kind: .phone(prefix: 2))],               // 86 13812345678
        3: [Layout(lengths: [3...3, 4...4, 4...4], kind: .phone(prefix: 0))],          // 138-1234-5678
        4: [Layout(lengths: [4...4, 4...4, 4...4, 4...4, 1...3], kind: .bankCard),     // 6222 0212 3456 7890 123
            Layout(lengths: [4...4, 4...4, 4...4, 1...4], kind: .bankCard),            // 6222 0212 3456 7890
            Layout(lengths: [4...4, 6...6, 5...5], kind: .bankCard),                   // 3782 822463 10005
            Layout(lengths: [4...4, 6...6, 4...4], kind: .bankCard)],                  // 3056 930902 5904
        6: [Layout(lengths: [6...6, 8...8, 4...4], kind: .residentID)],                // 110105 19491231 002X
    ]

    /// The kinds a single group of this length may be, in the order they are tried.
    private static func kinds(ofLength length: Int) -> [PersonalNumber] {
        switch length {
        case 11: [.phone(prefix: 0)]
        case 13: [.phone(prefix: 2), .bankCard]
        case 18: [.residentID, .bankCard]
        case 13...19: [.bankCard]
        default: []
        }
    }

    /// The scalar positions of the run to replace with `*`: every personal number in it, read from
    /// the left, each taking the longest layout that fits.
    ///
    /// In 「订单 20241105123456 13812345678」 the first group is an order number (no kind fits) and
    /// the second a mobile number: positions of `1234` are returned.
    func maskedPositions(_ folded: [UInt32]) -> [Int] {
        var positions: [Int] = []
        var group = 0
        while group < groups.count {
            if let (count, hidden) = personalNumber(at: group, folded) {
                positions += hidden
                group += count
            } else {
                group += 1
            }
        }
        return positions
    }

    /// The personal number whose first group is `first`: how many groups it takes and the
    /// positions to mask.
    private func personalNumber(at first: Int, _ folded: [UInt32]) -> (Int, [Int])? {
        for layout in Self.layouts[groups[first].count] ?? [] {
            let last = first + layout.lengths.count
            guard last <= groups.count,
                  zip(groups[first..<last], layout.lengths).allSatisfy({ $1.contains($0.count) }) else { continue }
            if let hidden = mask(first..<last, as: layout.kind, folded) { return (layout.lengths.count, hidden) }
        }
        for kind in Self.kinds(ofLength: groups[first].count) {
            if let hidden = mask(first..<first + 1, as: kind, folded) { return (1, hidden) }
        }
        return nil
    }

    /// The positions to mask when `range` of the groups is a number of `kind`.
    private func mask(_ range: Range<Int>, as kind: PersonalNumber, _ folded: [UInt32]) -> [Int]? {
        guard !decimal[range].contains(true) else { return nil }
        var characters: [Int] = []
        var positions: [Int] = []
        for group in groups[range] {
            for position in group {
                let scalar = folded[position]
                characters.append(MaskScalar.digit(scalar) ?? (MaskScalar.isStar(scalar) ? -1 : 10))
                positions.append(position)
            }
        }
        return kind.maskedOffsets(characters).map { $0.map { positions[$0] } }
    }
}
