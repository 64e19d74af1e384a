import Foundation

extension ReferenceTime {
    /// Reads an ISO 8601 date or date-time, as `kefu parse --now` takes it.
    ///
    /// Accepted: `2026-11-23T10:00:00+08:00`, `2026-11-23T10:00:00.5Z`, `2026-11-23T10:00+0800`,
    /// `2026-11-23T10:00` (in `defaultTimeZone`), `2026-11-23 10:00` and `2026-11-23` (midnight).
    /// Fractions of a second are dropped.
    public init(iso8601 text: String, defaultTimeZone: TimeZone = .current) throws(ReferenceTimeError) {
        var reader = ISOReader(bytes: Array(text.utf8), text: text)
        let year = try reader.number(digits: 4, what: "a four-digit year")
        try reader.expect("-", what: "'-' after the year")
        let month = try reader.number(digits: 2, what: "a two-digit month")
        try reader.expect("-", what: "'-' after the month")
        let day = try reader.number(digits: 2, what: "a two-digit day")
        var hour = 0, minute = 0, second = 0
        var zone = defaultTimeZone
        if reader.skip("T") || reader.skip("t") || reader.skip(" ") {
            hour = try reader.number(digits: 2, what: "a two-digit hour")
            try reader.expect(":", what: "':' between hour and minute")
            minute = try reader.number(digits: 2, what: "two-digit minutes")
            if reader.skip(":") {
                second = try reader.number(digits: 2, what: "two-digit seconds")
                if reader.skip(".") || reader.skip(",") { reader.skipDigits() }
            }
            if let offset = try reader.zoneOffset() {
                guard let fixed = TimeZone(secondsFromGMT: offset) else {
                    throw ReferenceTimeError(text: text, problem: "the zone offset is out of range")
                }
                zone = fixed
            }
        }
        guard reader.atEnd else {
            throw ReferenceTimeError(text: text, problem: "unexpected text after the date")
        }
        do {
            try self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second, timeZone: zone)
        } catch {
            throw ReferenceTimeError(text: text, problem: error.problem)
        }
    }
}

/// A cursor over the bytes of an ISO 8601 string.
private struct ISOReader {
    let bytes: [UInt8]
    let text: String
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func number(digits: Int, what: String) throws(ReferenceTimeError) -> Int {
        var value = 0
        for _ in 0..<digits {
            guard index < bytes.count, (48...57).contains(bytes[index]) else {
                throw ReferenceTimeError(text: text, problem: "expected \(what)")
            }
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
        }
        return value
    }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func expect(_ character: Character, what: String) throws(ReferenceTimeError) {
        guard skip(character) else { throw ReferenceTimeError(text: text, problem: "expected \(what)") }
    }

    mutating func skipDigits() {
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
    }

    /// `Z`, `±HH:MM`, `±HHMM` or `±HH` in seconds east of UTC; `nil` when there is none.
    mutating func zoneOffset() throws(ReferenceTimeError) -> Int? {
        if skip("Z") || skip("z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        let hours = try number(digits: 2, what: "a two-digit zone hour")
        var minutes = 0
        if skip(":") {
            minutes = try number(digits: 2, what: "two-digit zone minutes")
        } else if !atEnd {
            minutes = try number(digits: 2, what: "two-digit zone minutes")
        }
        guard hours <= 18, minutes < 60 else {
            throw ReferenceTimeError(text: text, problem: "the zone offset must be at most ±18:00")
        }
        return sign * (hours * 3600 + minutes * 60)
    }
}
