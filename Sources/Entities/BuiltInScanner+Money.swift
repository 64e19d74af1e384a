import ChatCore

extension BuiltInScanner {
    /// Currency signs and words written before the amount: ¥350, US$20, 人民币350.
    static let currencyPrefixes = WordTable<String>([
        "¥": "CNY", "￥": "CNY", "rmb": "CNY", "cny": "CNY", "人民币": "CNY",
        "$": "USD", "us$": "USD", "usd": "USD", "美元": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "hk$": "HKD",
    ])
    /// Units written after the amount: 350元, 三百五十块, 20美元.
    static let currencySuffixes = WordTable<String>([
        "元": "CNY", "块": "CNY", "圆": "CNY", "块钱": "CNY", "元钱": "CNY", "人民币": "CNY", "rmb": "CNY",
        "美元": "USD", "美金": "USD", "usd": "USD", "欧元": "EUR", "英镑": "GBP", "日元": "JPY",
        "港币": "HKD", "港元": "HKD",
    ])
    /// The yuan units after which jiao may follow without a unit (99块9).
    static let yuanUnits = WordTable(words: ["元", "块"])
    static let jiaoUnits = WordTable(words: ["毛", "角"])
    static let fenUnit = WordTable(words: ["分"])
    /// What may close an amount: 350块钱, 350元整.
    static let qian = WordTable(words: ["钱", "整"])

    /// Money: ¥350, 350元, 三百五十块, 3.5万元, 350块钱, 99块9 → 99.9, 2块5毛 → 2.5, 5毛 → 0.5,
    /// 3毛5 → 0.35; 人民币/RMB → CNY, $ / 美元 → USD. 「一块」 alone is left out: it is more often
    /// "together" (我们一块去) than one yuan.
    mutating func scanMoney(at start: Int) {
        if let prefix = Self.currencyPrefixes.match(in: line, at: start) {
            let amountStart = line.skippingSpaces(from: prefix.end)
            guard let numeral = NumeralReader.read(in: line, at: amountStart) else { return }
            var end = numeral.end
            if let suffix = Self.currencySuffixes.match(in: line, at: line.skippingSpaces(from: end)),
               suffix.value == prefix.value {
                end = suffix.end
            }
            propose(.money, .money(amount: numeral.value.doubleValue, currency: prefix.value), start..<end)
            return
        }
        guard let numeral = NumeralReader.read(in: line, at: start) else { return }
        let unitStart = line.skippingSpaces(from: numeral.end)
        if let yuan = Self.yuanUnits.match(in: line, at: unitStart) {
            let (amount, end) = smallChange(after: yuan.end, whole: numeral.value)
            if numeral.isLoneChineseOne, end == yuan.end { return }
            if let amount { propose(.money, .money(amount: amount.doubleValue, currency: "CNY"), start..<end) }
        } else if let jiao = Self.jiaoUnits.match(in: line, at: unitStart), let tenths = numeral.value.divided(byPowerOfTen: 1) {
            var amount: DecimalAmount? = tenths
            var end = jiao.end
            if let fen = singleDigit(at: end), let cents = fen.value.divided(byPowerOfTen: 2) {
                amount = amount.flatMap { $0 + cents }
                end = Self.fenUnit.match(in: line, at: fen.end)?.end ?? fen.end
            }
            end = Self.qian.match(in: line, at: end)?.end ?? end
            if let amount { propose(.money, .money(amount: amount.doubleValue, currency: "CNY"), start..<end) }
        } else if let suffix = Self.currencySuffixes.match(in: line, at: unitStart) {
            if numeral.isLoneChineseOne, line.has(ScalarFold.fold("块"), at: unitStart), suffix.end == unitStart + 1 { return }
            propose(.money, .money(amount: numeral.value.doubleValue, currency: suffix.value), start..<suffix.end)
        }
    }

    /// The jiao and fen after 元/块: 99块9, 2块5毛, 一块五毛钱, 3元5角2分.
    private func smallChange(after index: Int, whole: DecimalAmount) -> (DecimalAmount?, Int) {
        var amount: DecimalAmount? = whole
        var end = index
        if let jiao = singleDigit(at: end), let tenths = jiao.value.divided(byPowerOfTen: 1) {
            amount = amount.flatMap { $0 + tenths }
            end = jiao.end
            if let unit = Self.jiaoUnits.match(in: line, at: end) {
                end = unit.end
                if let fen = singleDigit(at: end), let cents = fen.value.divided(byPowerOfTen: 2) {
                    amount = amount.flatMap { $0 + cents }
                    end = Self.fenUnit.match(in: line, at: fen.end)?.end ?? fen.end
                }
            }
        }
        end = Self.qian.match(in: line, at: end)?.end ?? end
        return (amount, end)
    }

    /// One digit, Arabic or Chinese, and not the start of a longer number.
    private func singleDigit(at index: Int) -> Numeral? {
        guard let numeral = NumeralReader.read(in: line, at: index), numeral.isSingleDigit else { return nil }
        return numeral
    }
}
