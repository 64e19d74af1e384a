/// A number read from a line: in Arabic digits (`3,200`, `1.5`), Chinese numerals (三百二十,
/// 两千零五, 一万二, 二〇二六) or both (`1.5万`, `3千5`), and where it ends.
struct Numeral {
    var value: DecimalAmount
    /// The index after the numeral.
    var end: Int
    /// Only Arabic digits, separators and a decimal point: `350`, `3,200`, `0.5`.
    var isArabic: Bool
    /// A single digit, Arabic or Chinese: `9` in 99块9, 五 in 两块五.
    var isSingleDigit: Bool
    /// Exactly the character 一, which is more often "a" or "a bit" (一点, 一块去) than the number.
    var isLoneChineseOne: Bool
}

/// Reads numerals at a position of a line.
///
/// - Complexity: O(length of the numeral).
enum NumeralReader {
    static let chineseDigits: [UInt32: Int64] = {
        var table: [UInt32: Int64] = [:]
        for (characters, value) in [("零〇", 0), ("一壹", 1), ("二两贰", 2), ("三叁", 3), ("四肆", 4), ("五伍", 5),
                                    ("六陆", 6), ("七柒", 7), ("八捌", 8), ("九玖", 9)] as [(String, Int64)] {
            for scalar in characters.unicodeScalars { table[scalar.value] = value }
        }
        return table
    }()

    /// 十 百 千 and their financial forms, as powers of ten.
    static let smallUnits: [UInt32: Int] = [0x5341: 1, 0x62FE: 1, 0x767E: 2, 0x4F70: 2, 0x5343: 3, 0x4EDF: 3]
    /// 万 萬 亿 億, as powers of ten.
    static let largeUnits: [UInt32: Int] = [0x4E07: 4, 0x842C: 4, 0x4EBF: 8, 0x5104: 8]
    static let two: UInt32 = 0x4E24          // 两: "two of", never a digit in a digit string
    static let chineseOne: UInt32 = 0x4E00   // 一

    /// Arabic digits at `start`: `350`, `3,200` (groups of three), `1.5`. `nil` past 15 digits.
    static func arabic(in line: LineText, at start: Int) -> Numeral? {
        guard line.isDigit(at: start) else { return nil }
        var mantissa: Int64 = 0, digits = 0, scale = 0, index = start
        var inFraction = false
        while index < line.count {
            if line.isDigit(at: index) {
                mantissa = mantissa * 10 + Int64(line[index] - 0x30)
                digits += 1
                if inFraction { scale += 1 }
                guard digits <= 15 else { return nil }
                index += 1
            } else if line[index] == 0x2C, !inFraction, (1...3).allSatisfy({ line.isDigit(at: index + $0) }),
                      !line.isDigit(at: index + 4) {
                index += 1   // a thousands separator: 3,200
            } else if line[index] == 0x2E, !inFraction, line.isDigit(at: index + 1) {
                inFraction = true
                index += 1
            } else {
                break
            }
        }
        guard let value = DecimalAmount(mantissa: mantissa, scale: scale) else { return nil }
        return Numeral(value: value, end: index, isArabic: true, isSingleDigit: digits == 1 && scale == 0,
                       isLoneChineseOne: false)
    }

    /// A number at `start` in digits, Chinese numerals or both, with 十 百 千 万 亿 as units.
    static func read(in line: LineText, at start: Int) -> Numeral? {
        if let digitString = chineseDigitString(in: line, at: start) { return digitString }
        var parser = UnitParser()
        var index = start
        var lastDigitStart = start
        var end = start
        loop: while index < line.count {
            let scalar = line[index]
            if line.isDigit(at: index) {
                guard parser.pending == nil, let run = arabic(in: line, at: index) else { break }
                parser.pending = run.value
                parser.pendingIsSingleDigit = run.isSingleDigit
                lastDigitStart = index
                index = run.end
                end = index
            } else if let digit = chineseDigits[scalar] {
                if digit == 0 {
                    guard parser.pending == nil else { break }
                    parser.sawZero = true
                    index += 1
                    continue
                }
                guard parser.pending == nil else { break }
                parser.pending = DecimalAmount(digit)
                parser.pendingIsSingleDigit = true
                lastDigitStart = index
                index += 1
                end = index
            } else if let power = smallUnits[scalar] {
                guard parser.addSmallUnit(power) else { break loop }
                index += 1
                end = index
            } else if let power = largeUnits[scalar] {
                guard parser.addLargeUnit(power) else { break loop }
                index += 1
                end = index
            } else {
                break
            }
        }
        guard end > start, let value = parser.value else { return nil }
        let isArabic = (start..<end).allSatisfy { line.isDigit(at: $0) || line[$0] == 0x2C || line[$0] == 0x2E }
        return Numeral(value: value, end: end, isArabic: isArabic,
                       isSingleDigit: parser.pendingIsSingleDigit && parser.isOnlyPending && lastDigitStart == start,
                       isLoneChineseOne: end == start + 1 && line[start] == chineseOne)
    }

    /// Chinese digits read one by one, without units: 二〇二六 → 2026, 零五 → 5. Two digits without
    /// a zero (三四) are a range ("three or four"), not 34, and are not read here.
    private static func chineseDigitString(in line: LineText, at start: Int) -> Numeral? {
        var index = start
        var mantissa: Int64 = 0
        var hasZero = false
        while index < line.count, line[index] != two, let digit = chineseDigits[line[index]], index - start < 15 {
            mantissa = mantissa * 10 + digit
            hasZero = hasZero || digit == 0
            index += 1
        }
        let length = index - start
        guard length >= 3 || (length == 2 && hasZero),
              smallUnits[line[index]] == nil, largeUnits[line[index]] == nil else { return nil }
        return Numeral(value: DecimalAmount(mantissa), end: index, isArabic: false, isSingleDigit: false,
                       isLoneChineseOne: false)
    }
}

/// The running state of a Chinese numeral with units: 三万五千零二 = (3)万 + (5)千 + 零 + 2.
private struct UnitParser {
    /// Finished 亿 groups.
    var billions = DecimalAmount.zero
    /// The finished 万 group under the current 亿.
    var tenThousands = DecimalAmount.zero
    /// The part below 万.
    var section = DecimalAmount.zero
    /// A digit not yet multiplied by a unit.
    var pending: DecimalAmount?
    var pendingIsSingleDigit = false
    /// A 零 since the last unit: 一千零五 is 1005, while 一千五 is 1500.
    var sawZero = false
    /// The last unit's power of ten (0: none yet).
    var lastPower = 0
    /// The smallest 十/百/千 so far in this section; the next must be smaller.
    var smallestInSection = 5
    var sawUnit = false

    /// Whether nothing but one digit has been read.
    var isOnlyPending: Bool { !sawUnit }

    mutating func addSmallUnit(_ power: Int) -> Bool {
        guard power < smallestInSection else { return false }
        let digit: DecimalAmount
        if let pending {
            digit = pending
        } else if power == 1, smallestInSection == 5 {
            digit = DecimalAmount(1)   // 十五 = 15
        } else {
            return false
        }
        guard let scaled = digit.multiplied(byPowerOfTen: power), let sum = section + scaled else { return false }
        section = sum
        pending = nil
        smallestInSection = power
        lastPower = power
        sawZero = false
        sawUnit = true
        return true
    }

    mutating func addLargeUnit(_ power: Int) -> Bool {
        guard let group = section + (pending ?? .zero), !group.isZero else { return false }
        if power == 4 {
            guard tenThousands.isZero, let scaled = group.multiplied(byPowerOfTen: 4) else { return false }
            tenThousands = scaled
        } else {
            guard billions.isZero, let below = tenThousands + group,
                  let scaled = below.multiplied(byPowerOfTen: 8) else { return false }
            billions = scaled
            tenThousands = .zero
        }
        section = .zero
        pending = nil
        smallestInSection = 5
        lastPower = power
        sawZero = false
        sawUnit = true
        return true
    }

    /// The number, with a trailing digit after a unit read as the next unit down (一万二 = 12000,
    /// 两百五 = 250) unless a 零 came between (一万零二 = 10002).
    var value: DecimalAmount? {
        guard let whole = billions + tenThousands, let sum = whole + section else { return nil }
        guard let pending else { return sawUnit ? sum : nil }
        if pendingIsSingleDigit, !sawZero, lastPower >= 2,
           let scaled = pending.multiplied(byPowerOfTen: lastPower - 1) {
            return sum + scaled
        }
        return sum + pending
    }
}
