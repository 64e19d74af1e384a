import ChatCore

/// A date read from a line, with a part of the day when the word carries one (今晚 = today, evening).
struct DateMatch {
    var date: CivilDate
    var end: Int
    var period: DayPeriod?
}

extension BuiltInScanner {
    /// Days relative to today, some with a part of the day.
    static let relativeDays = WordTable<(days: Int, period: DayPeriod?)>([
        "今天": (0, nil), "今日": (0, nil), "今儿": (0, nil), "明天": (1, nil), "明日": (1, nil), "明儿": (1, nil),
        "后天": (2, nil), "大后天": (3, nil), "昨天": (-1, nil), "昨日": (-1, nil), "前天": (-2, nil),
        "大前天": (-3, nil), "今晚": (0, .evening), "今夜": (0, .evening), "今早": (0, .morning),
        "明晚": (1, .evening), "明早": (1, .morning), "昨晚": (-1, .evening), "昨夜": (-1, .evening),
    ])
    /// Which week: 这周五, 下周五, 下下周五, 上周五.
    static let weekOffsets = WordTable<Int>([
        "这": 0, "这个": 0, "本": 0, "下": 1, "下个": 1, "下下": 2, "下下个": 2, "上": -1, "上个": -1, "上上": -2, "上上个": -2,
    ])
    static let weekWords = WordTable(words: ["周", "週", "星期", "礼拜"])
    /// Monday = 0 … Sunday = 6; 末 (the weekend) is Saturday, 7 marks it.
    static let weekdays = WordTable<Int>([
        "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6, "末": 7,
    ])
    /// Which month: 这个月3号, 下个月底.
    static let monthOffsets = WordTable<Int>([
        "这个月": 0, "这月": 0, "本月": 0, "下个月": 1, "下月": 1, "上个月": -1, "上月": -1,
    ])
    static let years = WordTable<Int>(["今年": 0, "明年": 1, "去年": -1, "后年": 2, "前年": -2])
    static let yearMark = WordTable(words: ["年"])
    static let monthMark = WordTable(words: ["月"])
    static let monthCharacter = ScalarFold.fold("月")
    static let dayMarks = WordTable(words: ["日", "号", "號"])
    static let monthEnd = WordTable(words: ["底"])
    static let endOfMonthWords = WordTable(words: ["月底"])
    static let endOfYearWords = WordTable(words: ["年底"])
    /// What may follow a bare day number and makes it something else: 3号楼, 5号线, 3日内.
    static let notADay: Set<UInt32> = Set("楼线房床门位窗院码内".unicodeScalars.map(\.value))

    /// Dates, plus the same date followed by a part of the day (今天下午) so that a token such as
    /// 今天下午 is covered whole.
    mutating func scanDate(at start: Int) {
        guard let match = readDate(at: start) else { return }
        propose(.date, .text(match.date.isoText), start..<match.end)
        if match.period == nil, let period = DayPeriod.words.match(in: line, at: line.skippingSpaces(from: match.end)) {
            propose(.date, .text(match.date.isoText), start..<period.end)
        }
    }

    /// The longest date at `start`, if any.
    func readDate(at start: Int) -> DateMatch? {
        [relativeDay(at: start), weekday(at: start), isoDate(at: start), monthAndDay(at: start), dayOfMonth(at: start)]
            .compactMap { $0 }
            .max { $0.end < $1.end }
    }

    private var today: CivilDate { reference.civilDate }

    /// 今天 明天 后天 大后天 昨天 前天, 今晚 明早.
    private func relativeDay(at start: Int) -> DateMatch? {
        guard let word = Self.relativeDays.match(in: line, at: start) else { return nil }
        return DateMatch(date: today.adding(days: word.value.days), end: word.end, period: word.value.period)
    }

    /// 周五 (the next Friday, today counting), 这周五 / 本周五 (this week's), 下周三, 上周五,
    /// 周末 (this week's Saturday, or today on a Sunday). Weeks start on Monday.
    private func weekday(at start: Int) -> DateMatch? {
        let offset = Self.weekOffsets.match(in: line, at: start)
        guard let week = Self.weekWords.match(in: line, at: offset?.end ?? start),
              let day = Self.weekdays.match(in: line, at: week.end) else { return nil }
        let date: CivilDate
        if let offset {
            date = today.startOfWeek.adding(days: 7 * offset.value + min(day.value, 5))
        } else if day.value == 7 {
            date = today.weekday == 6 ? today : today.startOfWeek.adding(days: 5)
        } else {
            date = today.adding(days: (day.value - today.weekday + 7) % 7)
        }
        return DateMatch(date: date, end: day.end, period: nil)
    }

    /// 2026-12-01, 2026/12/01, 2026.12.01.
    private func isoDate(at start: Int) -> DateMatch? {
        guard let year = asciiDigits(at: start, count: 4...4) else { return nil }
        let separator = line[year.end]
        guard separator == 0x2D || separator == 0x2F || separator == 0x2E,
              let month = asciiDigits(at: year.end + 1, count: 1...2), line[month.end] == separator,
              let day = asciiDigits(at: month.end + 1, count: 1...2),
              let date = CivilDate.valid(year.value, month.value, day.value) else { return nil }
        return DateMatch(date: date, end: day.end, period: nil)
    }

    /// 11月5日, 11月5号, 十一月五日, 2026年12月1日, 明年1月3日, 11月底. Without a year, the year that
    /// puts the date nearest today (11月5日 on 2026-11-23 is 2026-11-05; 1月3日 is 2027-01-03).
    private func monthAndDay(at start: Int) -> DateMatch? {
        var index = start
        var year: Int?
        if let relative = Self.years.match(in: line, at: start) {
            year = today.year + relative.value
            index = relative.end
        } else if let numeral = NumeralReader.read(in: line, at: start), numeral.value.isInteger,
                  (1000...9999).contains(numeral.value.mantissa), let mark = Self.yearMark.match(in: line, at: numeral.end) {
            year = Int(numeral.value.mantissa)
            index = mark.end
        }
        guard let month = smallInteger(at: index, in: 1...12), let monthMark = Self.monthMark.match(in: line, at: month.end)
        else { return nil }
        if let end = Self.monthEnd.match(in: line, at: monthMark.end) {
            let first = year.map { CivilDate($0, month.value, 1) } ?? nearestYear(month: month.value, day: 1)
            return first.map { DateMatch(date: $0.endOfMonth, end: end.end, period: nil) }
        }
        guard let day = smallInteger(at: monthMark.end, in: 1...31),
              let dayMark = Self.dayMarks.match(in: line, at: day.end) else { return nil }
        let date = year.flatMap { CivilDate.valid($0, month.value, day.value) } ?? (year == nil ? nearestYear(month: month.value, day: day.value) : nil)
        return date.map { DateMatch(date: $0, end: dayMark.end, period: nil) }
    }

    /// 3号, 下个月3号, 本月15日, 月底, 下个月底, 年底. A bare day is in the month that puts it nearest
    /// today (3号 on 2026-11-23 is 2026-12-03; 20号 is 2026-11-20).
    private func dayOfMonth(at start: Int) -> DateMatch? {
        if let end = Self.endOfMonthWords.match(in: line, at: start) {
            return DateMatch(date: today.endOfMonth, end: end.end, period: nil)
        }
        if let end = Self.endOfYearWords.match(in: line, at: start) {
            return DateMatch(date: CivilDate(today.year, 12, 31), end: end.end, period: nil)
        }
        let offset = Self.monthOffsets.match(in: line, at: start)
        let dayStart = offset?.end ?? start
        if let offset, let end = Self.monthEnd.match(in: line, at: dayStart) {
            return DateMatch(date: today.adding(months: offset.value).endOfMonth, end: end.end, period: nil)
        }
        // After 月 the day belongs to a month-and-day that did not read (2月30日): no bare day.
        guard offset != nil || !line.has(Self.monthCharacter, at: start - 1),
              let day = smallInteger(at: dayStart, in: 1...31), let mark = Self.dayMarks.match(in: line, at: day.end),
              !Self.notADay.contains(line[mark.end]) else { return nil }
        let date: CivilDate?
        if let offset {
            let month = CivilDate(today.year, today.month, 1).adding(months: offset.value)
            date = CivilDate.valid(month.year, month.month, day.value)
        } else {
            date = [-1, 0, 1].compactMap { shift -> CivilDate? in
                let month = CivilDate(today.year, today.month, 1).adding(months: shift)
                return CivilDate.valid(month.year, month.month, day.value)
            }.min { nearer($0, than: $1) }
        }
        return date.map { DateMatch(date: $0, end: mark.end, period: nil) }
    }

    /// The date with this month and day in last, this or next year, whichever is nearest today.
    private func nearestYear(month: Int, day: Int) -> CivilDate? {
        [-1, 0, 1].compactMap { CivilDate.valid(today.year + $0, month, day) }.min { nearer($0, than: $1) }
    }

    /// Whether `a` is nearer today than `b`; at equal distance the later one.
    private func nearer(_ a: CivilDate, than b: CivilDate) -> Bool {
        let distanceA = abs(a.dayNumber - today.dayNumber), distanceB = abs(b.dayNumber - today.dayNumber)
        return distanceA != distanceB ? distanceA < distanceB : a > b
    }

    /// A whole number in `range`, in digits or Chinese numerals: the 11 of 11月, the 五 of 五日.
    func smallInteger(at index: Int, in range: ClosedRange<Int>) -> (value: Int, end: Int)? {
        guard let numeral = NumeralReader.read(in: line, at: index), numeral.value.isInteger,
              range.contains(Int(numeral.value.mantissa)) else { return nil }
        return (Int(numeral.value.mantissa), numeral.end)
    }

    /// `count` ASCII digits (after folding) at `index`, and no more.
    func asciiDigits(at index: Int, count: ClosedRange<Int>) -> (value: Int, end: Int)? {
        var value = 0, end = index
        while line.isDigit(at: end), end - index < count.upperBound {
            value = value * 10 + Int(line[end] - 0x30)
            end += 1
        }
        guard count.contains(end - index), !line.isDigit(at: end) else { return nil }
        return (value, end)
    }
}
