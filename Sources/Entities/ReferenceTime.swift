import Foundation

/// The "now" that relative dates are resolved against: a calendar day and a time of day in a time
/// zone.
///
/// At `2026-11-23T10:00+08:00` (a Monday) 「明天下午三点」 is `2026-11-24T15:00` and 「下周三」 is
/// `2026-12-02`. `kefu parse --now` gives it as ISO 8601 text (``init(iso8601:defaultTimeZone:)``);
/// without `--now` it is the clock in the machine's zone (``init(_:in:)``).
public struct ReferenceTime: Hashable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// The zone the day and time are read in.
    public let timeZone: TimeZone

    /// The day and time that `date` is in `timeZone` (default: the machine's zone).
    public init(_ date: Date, in timeZone: TimeZone = .current) {
        let whole = Int(date.timeIntervalSince1970.rounded(.down))
        let local = whole + timeZone.secondsFromGMT(for: date)
        let (days, seconds) = Self.floorDivision(local, 86_400)
        let civil = CivilDate(dayNumber: days)
        year = civil.year
        month = civil.month
        day = civil.day
        hour = seconds / 3600
        minute = seconds % 3600 / 60
        second = seconds % 60
        self.timeZone = timeZone
    }

    /// A reference time from its parts; throws when one is out of range (month 13, 2 月 30 日, 25 时).
    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
        timeZone: TimeZone = .current
    ) throws(ReferenceTimeError) {
        let text = "\(year)-\(month)-\(day) \(hour):\(minute):\(second)"
        guard CivilDate.valid(year, month, day) != nil else {
            throw ReferenceTimeError(text: text, problem: "there is no day \(day) in month \(month) of \(year)")
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            throw ReferenceTimeError(text: text, problem: "the time of day must be 00:00:00 to 23:59:59")
        }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.timeZone = timeZone
    }

    /// The instant this reference time names.
    public var date: Date {
        let local = civilDate.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
        // The zone's offset at the local time read as UTC, then once more at the corrected instant
        // (exact except inside a daylight-saving change).
        let guess = local - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
        return Date(timeIntervalSince1970: TimeInterval(local - offset))
    }

    /// `2026-11-23T10:00:00+08:00`.
    public var isoText: String {
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let zone = "\(sign)\(CivilDate.padded(abs(offset) / 3600, 2)):\(CivilDate.padded(abs(offset) % 3600 / 60, 2))"
        return "\(civilDate.isoText)T\(CivilDate.padded(hour, 2)):\(CivilDate.padded(minute, 2)):\(CivilDate.padded(second, 2))\(zone)"
    }

    var civilDate: CivilDate { CivilDate(year, month, day) }

    static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }
}
