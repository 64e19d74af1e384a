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
