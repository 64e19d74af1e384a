import ChatCore

extension BuiltInScanner {
    static let hourMarks = WordTable(words: ["点", "點", "时"])
    /// What may follow 点: 半 (30), 一刻 (15), 三刻 (45), 整 (0).
    static let minuteWords = WordTable<Int>(["半": 30, "一刻": 15, "三刻": 45, "整": 0])
    static let minuteMarks = WordTable(words: ["分", "分钟"])
    static let oClock = WordTable(words: ["钟"])

    /// A date with a time of day: 明天下午三点 → 2026-11-24T15:00, 今晚8点半 → 20:30,
    /// 周五上午10:30, 三点一刻, 下午3:30, 2026-12-01 15:00. Without a day, today. Without a part of the
    /// day, 1 to 6 o'clock are read as the afternoon, since that is what customers mean (明天两点 →
    /// 14:00, 三点一刻 → 15:15); other hours, and hours written with a leading zero (03:30), as said on a
    /// 24-hour clock (8点 → 08:00, 15点 → 15:00). 「一点」 alone is left out: it usually means
    /// "a bit" (便宜一点).
    mutating func scanTime(at start: Int) {
        let date = readDate(at: start)
        var index = date.map { line.skippingSpaces(from: $0.end) } ?? start
        var period = date?.period
        if period == nil, let word = DayPeriod.words.match(in: line, at: index) {
            period = word.value
            index = line.skippingSpaces(from: word.end)
        }
        guard let clock = readClock(at: index) else { return }
        if date == nil, period == nil, clock.isBareLoneOne { return }
        let (hour, dayOffset): (Int, Int)
        if let period {
            guard let resolved = period.resolve(hour: clock.hour) else { return }
            (hour, dayOffset) = resolved
        } else {
            switch clock.hour {
            case 24: (hour, dayOffset) = (0, 1)
            case 1...6 where !clock.hasLeadingZero: (hour, dayOffset) = (clock.hour + 12, 0)
            default: (hour, dayOffset) = (clock.hour, 0)
            }
        }
        let day = (date?.date ?? reference.civilDate).adding(days: dayOffset)
        propose(.time, .text(Self.localDateTime(day, hour: hour, minute: clock.minute)), start..<clock.end)
    }

    /// `2026-11-24T15:00`.
    static func localDateTime(_ day: CivilDate, hour: Int, minute: Int) -> String {
        "\(day.isoText)T\(CivilDate.padded(hour, 2)):\(CivilDate.padded(minute, 2))"
    }

    /// A clock time: 三点, 8点半, 十点十分, 三点一刻, 15时30分, 8点整, 10:30, 三点钟.
    private func readClock(at start: Int) -> Clock? {
        guard let hourNumeral = NumeralReader.read(in: line, at: start), hourNumeral.value.isInteger,
              (0...24).contains(hourNumeral.value.mantissa) else { return nil }
        let hour = Int(hourNumeral.value.mantissa)
        let zero = line[start] == 0x30 && hourNumeral.end - start > 1
        if line[hourNumeral.end] == 0x3A, hourNumeral.isArabic,
           let minutes = asciiDigits(at: hourNumeral.end + 1, count: 2...2), minutes.value < 60 {
            return Clock(hour: hour, minute: minutes.value, end: minutes.end, hasLeadingZero: zero, isBareLoneOne: false)
        }
        guard let mark = Self.hourMarks.match(in: line, at: hourNumeral.end) else { return nil }
        if let word = Self.minuteWords.match(in: line, at: mark.end) {
            return Clock(hour: hour, minute: word.value, end: word.end, hasLeadingZero: zero, isBareLoneOne: false)
        }
        if let minutes = smallInteger(at: mark.end, in: 0...59) {
            let end = Self.minuteMarks.match(in: line, at: minutes.end)?.end ?? minutes.end
            return Clock(hour: hour, minute: minutes.value, end: end, hasLeadingZero: zero, isBareLoneOne: false)
        }
        let end = Self.oClock.match(in: line, at: mark.end)?.end ?? mark.end
        return Clock(hour: hour, minute: 0, end: end, hasLeadingZero: zero,
                     isBareLoneOne: hourNumeral.isLoneChineseOne && end == mark.end)
    }
}
