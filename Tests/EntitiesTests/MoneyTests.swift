import Testing

@Suite("Money")
struct MoneyTests {
    static func cny(_ amount: String) -> String { #"{"amount":\#(amount),"currency":"CNY"}"# }

    static let cases: [EntityCase] = [
        EntityCase("¥350", "money", cny("350"), "¥350"),
        EntityCase("￥350", "money", cny("350"), "￥350"),
        EntityCase("¥ 350", "money", cny("350"), "¥ 350"),
        EntityCase("退350元", "money", cny("350"), "350元"),
        EntityCase("三百五十块", "money", cny("350"), "三百五十块"),
        EntityCase("3.5万元", "money", cny("35000"), "3.5万元"),
        EntityCase("99块9", "money", cny("99.9"), "99块9"),
        EntityCase("2块5毛", "money", cny("2.5"), "2块5毛"),
        EntityCase("5毛", "money", cny("0.5"), "5毛"),
        EntityCase("三毛五", "money", cny("0.35"), "三毛五"),
        EntityCase("两块五", "money", cny("2.5"), "两块五"),
        EntityCase("350块钱", "money", cny("350"), "350块钱"),
        EntityCase("350元整", "money", cny("350"), "350元整"),
        EntityCase("一百块钱", "money", cny("100"), "一百块钱"),
        EntityCase("人民币350", "money", cny("350"), "人民币350"),
        EntityCase("RMB350", "money", cny("350"), "RMB350"),
        EntityCase("1,299元", "money", cny("1299"), "1,299元"),
        EntityCase("$20", "money", #"{"amount":20,"currency":"USD"}"#, "$20"),
        EntityCase("20美元", "money", #"{"amount":20,"currency":"USD"}"#, "20美元"),
        EntityCase("50欧元", "money", #"{"amount":50,"currency":"EUR"}"#, "50欧元"),
        EntityCase("一块钱", "money", cny("1"), "一块钱"),
        EntityCase("3元5角2分", "money", cny("3.52"), "3元5角2分"),
        EntityCase("我们一块去吧", []),
    ]

    @Test("amounts of money", arguments: cases)
    func money(_ entityCase: EntityCase) throws { try entityCase.check() }
}
