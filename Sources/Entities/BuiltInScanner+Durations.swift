import ChatCore

extension BuiltInScanner {
    /// Units after a number, with how much of a `DurationUnit` one is, and whether 个 may come first.
    static let durationUnits = WordTable<(unit: DurationUnit, times: Int64, counter: Bool)>([
        "年": (.year, 1, false), "月": (.month, 1, true), "周": (.day, 7, true), "星期": (.day, 7, true),
        "礼拜": (.day, 7, true), "天": (.day, 1, false), "工作日": (.day, 1, true), "小时": (.hour, 1, true),
        "钟头": (.hour, 1, true), "分钟": (.minute, 1, false), "刻钟": (.minute, 15, false),
        "秒": (.second, 1, false), "秒钟": (.second, 1, false),
    ])
    static let counter = WordTable(words: ["个"])
    static let half = WordTable(words: ["半"])
    static let halfWithCounter = WordTable(words: ["个半"])
    /// 三天后 is a date three days on; 两小时前 a time two hours back.
    static let relativeMarks = WordTable<Int>(["后": 1, "以后": 1, "之后": 1, "前": -1, "以前": -1, "之前": -1])

    /// Lengths of time: 三天 → P3D, 两个小时 → PT2H, 半个月 → P15D, 一周 → P7D, 30分钟 → PT30M,
    /// 半小时 → PT30M, 一个半小时 → PT1H30M, 两天半 → P2DT12H, 3个工作日 → P3D. 月 needs 个 (三月 is
    /// March, 三个月 three months); years need fewer than 1000 (2026年 is a year, not a duration).
    /// Followed by 后/以后/之后 or 前/以前/之前 the text is also a `date` (三天后 → 2026-11-26) or,
    /// with hours or minutes, a `time` (两小时后 → 2026-11-23T12:00).
    mutating func scanDuration(at start: Int) {
        var amount: DecimalAmount
        var index: Int
        var hasCounter = false
        if let half = Self.half.match(in: line, at: start) {
            amount = DecimalAmount.oneHalf
            index = half.end
        } else if let numeral = NumeralReader.read(in: line, at: start) {
            amount = numeral.value
            index = line.skippingSpaces(from: numeral.end)
            if let half = Self.halfWithCounter.match(in: line, at: index), let sum = amount + DecimalAmount.oneHalf {
                amount = sum
                index = half.end
                hasCounter = true
            }
        } else {
            return
        }
        if !hasCounter, let counter = Self.counter.match(in: line, at: index) {
            index = counter.end
            hasCounter = true
        }
        guard let unit = Self.durationUnits.match(in: line, at: index) else { return }
        let isHalf = line.has(ScalarFold.fold("半"), at: start)
        if hasCounter, !unit.value.counter { return }
        if unit.value.unit == .month, !hasCounter, !isHalf { return }
        if unit.value.unit == .year, amount.integerPart >= 1000 { return }
        var end = unit.end
        if !isHalf, amount.isInteger, let half = Self.half.match(in: line, at: end), let sum = amount + DecimalAmount.oneHalf {
            amount = sum
            end = half.end
        }
        guard let total = amount.multiplied(by: unit.value.times), let duration = ISODuration(total, unit.value.unit) else { return }
        propose(.duration, .text(duration.isoText), start..<end)
        if let relative = Self.relativeMarks.match(in: line, at: end) {
            proposeRelative(duration, direction: relative.value, range: start..<relative.end)
        }
    }

    /// The date or time `duration` after (or, with `direction` −1, before) the reference time.
    private mutating func proposeRelative(_ duration: ISODuration, direction: Int, range: Range<Int>) {
        let sign = Int64(direction)
        let months = Int(sign * (duration[.year] * 12 + duration[.month]))
        let day = reference.civilDate.adding(months: months).adding(days: Int(sign * duration[.day]))
        guard duration.hasTimeOfDay else {
            propose(.date, .text(day.isoText), range)
            return
        }
        let seconds = sign * (duration[.hour] * 3600 + duration[.minute] * 60 + duration[.second])
        let since = Int64(reference.hour * 3600 + reference.minute * 60 + reference.second) + seconds
        let (days, secondOfDay) = ReferenceTime.floorDivision(Int(since), 86_400)
        propose(.time, .text(Self.localDateTime(day.adding(days: days), hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60)), range)
    }
}
