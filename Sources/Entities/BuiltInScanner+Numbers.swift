import ChatCore

extension BuiltInScanner {
    static let percentOf = WordTable(words: ["百分之"])
    /// Measure words the segmenter may keep with a number (二十个, 三件): the number then covers them.
    static let measureWords = WordTable(words: ["个", "件", "台", "只", "张", "瓶", "盒", "箱", "双", "套", "本", "条", "份", "包", "次", "位", "支", "斤", "公斤", "米"])

    /// Numbers: 三百二十 → 320, 两千零五 → 2005, 1.5万 → 15000, 3,200 → 3200, 17% → 0.17,
    /// 百分之二十 → 0.2 (percentages are fractions). Where the segmenter keeps a measure word with the
    /// number (三百 | 二十个) the number covers it: 三百二十个 → 320; not after a lone 一 (一个 is "a").
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
            if !numeral.isLoneChineseOne, let measure = Self.measureWords.match(in: line, at: numeral.end) {
                propose(.number, .number(numeral.value.doubleValue), start..<measure.end)
            }
        }
    }
}
