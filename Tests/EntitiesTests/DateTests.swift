import Testing

/// Dates at the fixed reference, Monday 2026-11-23 10:00 +08:00.
@Suite("Dates")
struct DateTests {
    static func date(_ line: String, _ value: String, _ text: String? = nil) -> EntityCase {
        EntityCase(line, "date", "\"\(value)\"", text ?? line)
    }

    static let cases: [EntityCase] = [
        date("今天", "2026-11-23"), date("明天", "2026-11-24"), date("后天", "2026-11-25"),
        date("大后天", "2026-11-26"), date("昨天", "2026-11-22"), date("前天", "2026-11-21"),
        date("下周三", "2026-12-02"), date("这周五", "2026-11-27"), date("本周五", "2026-11-27"),
        date("周五", "2026-11-27"), date("星期五", "2026-11-27"), date("礼拜五", "2026-11-27"),
        date("周一", "2026-11-23"),                  // today counts
        date("周日", "2026-11-29"), date("上周五", "2026-11-20"), date("下下周三", "2026-12-09"),
        date("周末", "2026-11-28"), date("下周末", "2026-12-05"),
        date("11月5日", "2026-11-05"),               // the nearest 11月5日 is this year's, though past
        date("11月5号", "2026-11-05"), date("十一月五日", "2026-11-05"),
        date("1月3日", "2027-01-03"),                // nearer next year
        date("2026-12-01", "2026-12-01"), date("2026/12/01", "2026-12-01"),
        date("2026年12月1日", "2026-12-01"), date("12月1号", "2026-12-01"),
        date("下个月3号", "2026-12-03"), date("这个月3号", "2026-11-03"),
        date("3号", "2026-12-03"),                   // Dec 3 is nearer than Nov 3
        date("20号", "2026-11-20"),
        date("月底", "2026-11-30"), date("11月底", "2026-11-30"), date("明年1月3日", "2027-01-03"),
        date("2026.12.01", "2026-12-01"), date("5月1日", "2027-05-01"), date("下个月底", "2026-12-31"),
        date("三天后", "2026-11-26"), date("五天前", "2026-11-18"), date("一个月后", "2026-12-23"),
        date("今天下午", "2026-11-23"),
        EntityCase("我11月5号买的，12月1号还没到", [("date", #""2026-11-05""#, "11月5号"), ("date", #""2026-12-01""#, "12月1号")]),
        EntityCase("周一到周五", [("date", #""2026-11-23""#, "周一"), ("date", #""2026-11-27""#, "周五")]),
        EntityCase("三号楼", []),
        EntityCase("2月30日", [("number", "2", "2"), ("number", "30", "30")]),   // no such day: no date
    ]

    @Test("relative and absolute dates", arguments: cases)
    func dates(_ entityCase: EntityCase) throws { try entityCase.check() }
}
