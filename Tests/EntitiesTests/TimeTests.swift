import Testing

/// Times at the fixed reference, Monday 2026-11-23 10:00 +08:00.
@Suite("Times")
struct TimeTests {
    static func time(_ line: String, _ value: String, _ text: String? = nil) -> EntityCase {
        EntityCase(line, "time", "\"\(value)\"", text ?? line)
    }

    static let cases: [EntityCase] = [
        time("明天下午三点", "2026-11-24T15:00"),
        time("今晚8点半", "2026-11-23T20:30"),
        time("周五上午10:30", "2026-11-27T10:30"),
        time("晚上十点", "2026-11-23T22:00"),
        time("中午12点", "2026-11-23T12:00"),
        time("中午1点", "2026-11-23T13:00"),
        time("三点一刻", "2026-11-23T15:15"),      // 1–6 o'clock without a part of the day: afternoon
        time("明天两点", "2026-11-24T14:00"),
        time("8点", "2026-11-23T08:00"),
        time("03:30", "2026-11-23T03:30"),        // a leading zero: 24-hour clock
        time("下午3:30", "2026-11-23T15:30"),
        time("早上7点", "2026-11-23T07:00"),
        time("凌晨1点", "2026-11-23T01:00"),
        time("十点十分", "2026-11-23T10:10"),
        time("15时30分", "2026-11-23T15:30"),
        time("8点整", "2026-11-23T08:00"),
        time("一点钟", "2026-11-23T13:00"),
        time("晚上12点", "2026-11-24T00:00"),
        time("后天晚上七点半", "2026-11-25T19:30"),
        time("11月5日下午3点", "2026-11-05T15:00"),
        time("2026-12-01 15:00", "2026-12-01T15:00"),
        time("两小时后", "2026-11-23T12:00"),
        time("10分钟后", "2026-11-23T10:10"),
        time("我想明天下午三点来取", "2026-11-24T15:00", "明天下午三点"),
        EntityCase("便宜一点", []),
        EntityCase("10点到12点", [("time", #""2026-11-23T10:00""#, "10点"), ("time", #""2026-11-23T12:00""#, "12点")]),
    ]

    @Test("dates with a time of day", arguments: cases)
    func times(_ entityCase: EntityCase) throws { try entityCase.check() }
}
