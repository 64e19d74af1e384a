import ChatCore

extension BuiltInScanner {
    static let percentOf = WordTable(words: ["百分之"])

    /// Numbers: 三百二十 → 320, 两千零五 → 2005, 1.5万 → 15000, 3,200 → 3200, 17% → 0.17,
    /// 百分之二十 → 0.2 (percentages are fractions).
    mutating func scanNumber(at start: Int) {
        if let percent = Self.percentOf.match(in: line, at: start) {
            guard let numeral = NumeralReader.read(in: line, at: percent.end),
                  let fraction = numeral.value.divided(byPowerOfTen: 2) else { return }
            propose(.number, .number(fraction.doubleValue), start..<numeral.end)
            return
        }
        guard let numeral = NumeralReader.read(in: line, at: start) else { return }
        if numeral.isArabic, line[numeral.end] == 0x25, let fraction = numeral.value.divided(byPowerOfTen: 2) {
            propose(.number, .number(fraction.doubleValue), start..<numeral.end + 1)
        } else {
            propose(.number, .number(numeral.value.doubleValue), start..<numeral.end)
        }
    }
}
