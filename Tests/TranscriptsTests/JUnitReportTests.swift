import ChatCore
import Entities
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Transcripts

/// The JUnit file stays well-formed XML whatever the transcripts hold: markup characters, quotes,
/// line breaks and control characters in names, lines and replies.
@Suite struct JUnitReportTests {
    @Test func awkwardTextStaysWellFormed() throws {
        let awkward = "订单 <14位> & \"运费\" 'x' ]]> \u{1}\u{8}\u{FFFE} 😀\n第二行\r\t"
        let turn = TranscriptTurn(user: awkward, checks: TurnChecks(reply: awkward), line: 4)
        let transcript = Transcript(name: awkward, turns: [turn], file: "t/\(awkward).yml")
        let reply = Reply(text: awkward + "!", policy: .fallback, reason: "")
        let failing = TranscriptResult(transcript: transcript, now: try ReferenceTime(iso8601: "2026-11-23T10:00:00+08:00"), nowIsClock: false,
                                       turns: [TurnResult(number: 1, turn: turn, reply: reply, failures: turn.checks.failures(for: reply))],
                                       seconds: 0.0123)
        let invalid = TranscriptError([TranscriptIssue(file: "bad <&>.yml", line: 2, message: awkward)])
        let xml = JUnitReport(results: [failing], invalid: [invalid], seconds: 1.5).xml

        let reader = JUnitReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(xml)")
        #expect(reader.testcases.count == 2)
        #expect(reader.testcases.first?["name"] == "订单 <14位> & \"运费\" 'x' ]]> \u{FFFD}\u{FFFD}\u{FFFD} 😀\n第二行\r\t")
        #expect(reader.testcases.last?["name"] == "bad <&>.yml")
        #expect(reader.failures.first?.attributes["message"] == "1 of 1 turns failed: reply")
        #expect(reader.failures.first?.text.contains("FAIL 订单 <14位> & ") == true)
        #expect(reader.errors.first?.text.hasPrefix("bad <&>.yml:2: 订单 <14位>") == true)
        #expect(reader.suites.first?["time"] == "1.500")
    }
}
