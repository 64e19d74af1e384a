import ChatCore
import Entities
import Foundation
import Testing

@Suite("JSON text of values")
struct JSONTextTests {
    static let cases: [(EntityValue, String)] = [
        (.number(320), "320"), (.number(99.9), "99.9"), (.number(0.5), "0.5"), (.number(15000), "15000"),
        (.text("2026-11-24"), #""2026-11-24""#), (.text(#"a"b\c"#), #""a\"b\\c""#), (.text("一\n二"), #""一\n二""#),
        (.money(amount: 350, currency: "CNY"), #"{"amount":350,"currency":"CNY"}"#),
        (.money(amount: 99.9, currency: "CNY"), #"{"amount":99.9,"currency":"CNY"}"#),
    ]

    @Test("values as kefu parse writes them", arguments: cases)
    func jsonText(_ value: EntityValue, _ expected: String) {
        #expect(value.jsonText == expected)
    }
}

@Suite("Reference time")
struct ReferenceTimeTests {
    static let parsed: [(String, String)] = [
        ("2026-11-23T10:00:00+08:00", "2026-11-23T10:00:00+08:00"),
        ("2026-11-23T10:00+08:00", "2026-11-23T10:00:00+08:00"),
        ("2026-11-23T02:00:00Z", "2026-11-23T02:00:00+00:00"),
        ("2026-11-23T10:00:00.250-0500", "2026-11-23T10:00:00-05:00"),
        ("2026-11-23T10:00", "2026-11-23T10:00:00+08:00"),
        ("2026-11-23 10:00", "2026-11-23T10:00:00+08:00"),
        ("2026-11-23", "2026-11-23T00:00:00+08:00"),
    ]

    @Test("ISO 8601 forms kefu parse --now accepts", arguments: parsed)
    func parse(_ text: String, _ expected: String) throws {
        let china = try #require(TimeZone(secondsFromGMT: 8 * 3600))
        #expect(try ReferenceTime(iso8601: text, defaultTimeZone: china).isoText == expected)
    }

    @Test("malformed reference times say what format is expected",
          arguments: ["23/11/2026", "2026-11-23T10", "2026-13-01", "2026-02-30", "2026-11-23T25:00", "2026-11-23T10:00+25:00", "tomorrow", "2026-11-23T10:00:00+08:00x"])
    func malformed(_ text: String) {
        #expect {
            _ = try ReferenceTime(iso8601: text)
        } throws: { error in
            guard let error = error as? ReferenceTimeError else { return false }
            return error.text == text && error.description.contains("2026-11-23T10:00:00+08:00")
        }
    }

    @Test("from a Date in a zone, and back")
    func fromDate() throws {
        let china = try #require(TimeZone(secondsFromGMT: 8 * 3600))
        let instant = Date(timeIntervalSince1970: 1_795_399_200)   // 2026-11-23T02:00:00Z
        let reference = ReferenceTime(instant, in: china)
        let parts: [Int] = [reference.year, reference.month, reference.day, reference.hour, reference.minute]
        #expect(parts == [2026, 11, 23, 10, 0])
        #expect(reference.date == instant)
        #expect(reference == Fixture.reference)
    }

    @Test("relative dates follow the reference: at Sunday 2026-11-29, 周五 is 2026-12-04 and 明天 is 2026-11-30")
    func otherReference() throws {
        let china = try #require(TimeZone(secondsFromGMT: 8 * 3600))
        let sunday = try ReferenceTime(iso8601: "2026-11-29T21:00", defaultTimeZone: china)
        let found = try Fixture.entities("周五 明天 周末 年底前", at: sunday)
        #expect(found.map(\.value.jsonText) == [#""2026-12-04""#, #""2026-11-30""#, #""2026-11-29""#, #""2026-12-31""#])
    }

    @Test("month ends and leap years: 下个月底 at 2028-01-31 is 2028-02-29")
    func monthEnd() throws {
        let china = try #require(TimeZone(secondsFromGMT: 8 * 3600))
        let reference = try ReferenceTime(iso8601: "2028-01-31T09:00", defaultTimeZone: china)
        let found = try Fixture.entities("下个月底 一个月后", at: reference)
        #expect(found.map(\.value.jsonText) == [#""2028-02-29""#, #""2028-02-29""#])
    }
}
