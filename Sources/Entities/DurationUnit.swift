/// A unit of time as said in Chinese, and how an amount of it is written in ISO 8601.
///
/// 两个小时 is 2 × `hour` → `PT2H`; 半个月 is 0.5 × `month` → `P15D`; 一周 is 1 × `week` → `P7D`.
enum DurationUnit: Int, Sendable, CaseIterable {
    case year, month, day, hour, minute, second

    /// The units, with how many of the next smaller unit one of them is taken to be (a month is 30
    /// days, a year 12 months) for fractions: 1.5 年 → P1Y6M, 两天半 → P2DT12H.
    var nextSmaller: (unit: DurationUnit, count: Int64)? {
        switch self {
        case .year: return (.month, 12)
        case .month: return (.day, 30)
        case .day: return (.hour, 24)
        case .hour: return (.minute, 60)
        case .minute: return (.second, 60)
        case .second: return nil
        }
    }

    /// Whether the unit is written after the `T` of an ISO duration.
    var isTimeOfDay: Bool { rawValue >= DurationUnit.hour.rawValue }

    var designator: String { ["Y", "M", "D", "H", "M", "S"][rawValue] }
}
