import Testing

@Suite("Durations")
struct DurationTests {
    static func duration(_ line: String, _ value: String, _ text: String? = nil) -> EntityCase {
        EntityCase(line, "duration", "\"\(value)\"", text ?? line)
    }

    static let cases: [EntityCase] = [
        duration("三天", "P3D"), duration("3天", "P3D"), duration("两个小时", "PT2H"), duration("半个月", "P15D"),
        duration("一周", "P7D"), duration("30分钟", "PT30M"), duration("半小时", "PT30M"), duration("一年", "P1Y"),
        duration("两个月", "P2M"), duration("一个半小时", "PT1H30M"), duration("两天半", "P2DT12H"),
        duration("1.5小时", "PT1H30M"), duration("一年半", "P1Y6M"), duration("两个星期", "P14D"),
        duration("3个工作日", "P3D"), duration("半天", "PT12H"),
        duration("三天内发货", "P3D", "三天"),
        EntityCase("3月", [("number", "3", "3")]),          // March, not three months
        EntityCase("2026年", [("number", "2026", "2026")]),  // a year, not 2026 years
    ]

    @Test("lengths of time as ISO 8601 durations", arguments: cases)
    func durations(_ entityCase: EntityCase) throws { try entityCase.check() }
}
