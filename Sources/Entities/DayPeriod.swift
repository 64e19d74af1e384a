/// A part of the day said before a clock time, which decides a 12-hour reading: 下午三点 is 15:00.
enum DayPeriod: Sendable {
    /// 凌晨, 半夜: 凌晨12点 is 00:00.
    case smallHours
    /// 早上, 上午: as said.
    case morning
    /// 中午: 中午1点 is 13:00, 中午12点 is 12:00.
    case noon
    /// 下午, 傍晚: 下午3点 is 15:00.
    case afternoon
    /// 晚上, 今晚: 晚上8点 is 20:00; 晚上12点 is midnight, the next day's 00:00, and 晚上1点 to 4点
    /// are the next day's small hours.
    case evening

    static let words = WordTable<DayPeriod>([
        "凌晨": .smallHours, "半夜": .smallHours, "深夜": .evening,
        "早上": .morning, "早晨": .morning, "清晨": .morning, "上午": .morning, "早": .morning,
        "中午": .noon, "下午": .afternoon, "傍晚": .afternoon,
        "晚上": .evening, "夜里": .evening, "夜间": .evening, "晚间": .evening, "晚": .evening,
    ])

    /// The 24-hour clock hour and the days to add for `hour` said in this period, or `nil` when the
    /// hour cannot be said in it (下午15点 is fine; 下午25点 is not).
    func resolve(hour: Int) -> (hour: Int, dayOffset: Int)? {
        guard (0...24).contains(hour) else { return nil }
        switch self {
        case .smallHours: return (hour == 12 ? 0 : hour, 0)
        case .morning: return hour <= 12 ? (hour, 0) : nil
        case .noon: return (1...4).contains(hour) ? (hour + 12, 0) : (hour == 24 ? nil : (hour, 0))
        case .afternoon: return hour < 12 ? (hour + 12, 0) : (hour == 24 ? nil : (hour, 0))
        case .evening:
            if (5...11).contains(hour) { return (hour + 12, 0) }
            if hour == 12 || hour == 24 || hour == 0 { return (0, 1) }
            if hour < 5 { return (hour, 1) }
            return (hour, 0)
        }
    }
}
