import Testing

@Suite("Numbers")
struct NumberTests {
    static let cases: [EntityCase] = [
        EntityCase("三百二十", "number", "320", "三百二十"),
        EntityCase("两千零五", "number", "2005", "两千零五"),
        EntityCase("1.5万", "number", "15000", "1.5万"),
        EntityCase("3,200", "number", "3200", "3,200"),
        EntityCase("十一", "number", "11", "十一"),
        EntityCase("一万二", "number", "12000", "一万二"),
        EntityCase("两百", "number", "200", "两百"),
        EntityCase("0.5", "number", "0.5", "0.5"),
        EntityCase("百分之二十", "number", "0.2", "百分之二十"),
        EntityCase("17%", "number", "0.17", "17%"),
        EntityCase("三千五", "number", "3500", "三千五"),
        EntityCase("一百零一", "number", "101", "一百零一"),
        EntityCase("十万八千", "number", "108000", "十万八千"),
        EntityCase("一千二百三十四", "number", "1234", "一千二百三十四"),
        EntityCase("一亿", "number", "100000000", "一亿"),
        EntityCase("1万2", "number", "12000", "1万2"),
        EntityCase("要 ３５０ 个", "number", "350", "３５０"),
        EntityCase("买了三百二十个", "number", "320", "三百二十个"),   // 三百 | 二十个: the measure word comes along
        EntityCase("我有一个问题", []),
        EntityCase("1234", "number", "1234", "1234"),
    ]

    @Test("numbers in digits and Chinese numerals", arguments: cases)
    func number(_ entityCase: EntityCase) throws { try entityCase.check() }
}
