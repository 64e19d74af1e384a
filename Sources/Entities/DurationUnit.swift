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

/// A length of time as whole ISO 8601 components.
struct ISODuration: Hashable, Sendable {
    /// Years, months, days, hours, minutes, seconds.
    var components: [Int64] = Array(repeating: 0, count: DurationUnit.allCases.count)

    /// `amount` of `unit`, its fraction carried into smaller units (the last one rounded).
    init?(_ amount: DecimalAmount, _ unit: DurationUnit) {
        var remainder = amount
        var current = unit
        while true {
            components[current.rawValue] += remainder.integerPart
            let fraction = remainder.fractionalPart
            guard !fraction.isZero else { break }
            guard let smaller = current.nextSmaller else {
                if fraction.doubleValue >= 0.5 { components[current.rawValue] += 1 }
                break
            }
            guard let carried = fraction.multiplied(by: smaller.count) else { return nil }
            remainder = carried
            current = smaller.unit
        }
    }

    subscript(unit: DurationUnit) -> Int64 { components[unit.rawValue] }

    /// Whether the duration has hours, minutes or seconds.
    var hasTimeOfDay: Bool { DurationUnit.allCases.contains { $0.isTimeOfDay && self[$0] != 0 } }

    /// `P3D`, `PT2H`, `P1Y6M`, `P2DT12H`, `PT1H30M`; `PT0S` for nothing.
    var isoText: String {
        var text = "P"
        var wroteTime = false
        for unit in DurationUnit.allCases where self[unit] != 0 {
            if unit.isTimeOfDay, !wroteTime {
                text += "T"
                wroteTime = true
            }
            text += "\(self[unit])\(unit.designator)"
        }
        return text == "P" ? "PT0S" : text
    }
}
