@testable import ChatStdio
import ChatCore
import Testing

/// Reading request lines: the good ones, and each kind of bad one with its error code.
@Suite struct RequestParsingTests {
    func parse(_ bytes: [UInt8]) -> Result<Request, RequestError> {
        bytes.withUnsafeBufferPointer { Request.parse($0) }
    }

    func parse(_ text: String) -> Result<Request, RequestError> { parse(Array(text.utf8)) }

    @Test func readsTextStateAndReset() throws {
        #expect(try parse(#"{"session":"c42","text":"我想退货"}"#).get() == Request(session: "c42", action: .text("我想退货")))
        #expect(try parse(#"{"command":"state","session":"c42"}"#).get() == Request(session: "c42", action: .state))
        #expect(try parse(#"{"session":"c42","command":"reset","extra":{"ignored":true}}"#).get() == Request(session: "c42", action: .reset))
    }

    @Test(arguments: [
        (#""a b""#, #""a b""#), ("7", "7"), ("12345678901234567890", "12345678901234567890"),
        (#"{ "k" : [1, 2] }"#, #"{"k":[1,2]}"#), ("null", "null"), (#""\u00e9""#, #""\u00e9""#),
    ])
    func echoesTheIdAsWritten(written: String, echoed: String) throws {
        let request = try parse(#"{"session":"s","text":"hi","id":\#(written)}"#).get()
        #expect(request.id == Array(echoed.utf8))
    }

    @Test func readsNow() throws {
        let request = try parse(#"{"session":"s","text":"明天","now":"2026-11-23T10:00:00+08:00"}"#).get()
        #expect(request.now?.isoText == "2026-11-23T10:00:00+08:00")
    }

    @Test(arguments: [
        ("not json", ErrorCode.invalidJSON), ("", .invalidJSON), ("   ", .invalidJSON), (#"{"session":"s","text":"hi""#, .invalidJSON),
        ("[1,2]", .notAnObject), (#""hello""#, .notAnObject), ("42", .notAnObject),
        (#"{"text":"hi"}"#, .missingField), (#"{"session":"","text":"hi"}"#, .missingField), (#"{"session":"s"}"#, .missingField),
        (#"{"session":5,"text":"hi"}"#, .invalidField), (#"{"session":null,"text":"hi"}"#, .invalidField),
        (#"{"session":"s","text":5}"#, .invalidField), (#"{"session":"s","command":1}"#, .invalidField),
        (#"{"session":"s","text":"hi","command":"state"}"#, .invalidField), (#"{"session":"s","text":"hi","now":"tomorrow"}"#, .invalidField),
        (#"{"session":"s","text":""}"#, .emptyText), (#"{"session":"s","text":" \t\u3000 "}"#, .emptyText),
        (#"{"session":"s","command":"undo"}"#, .unknownCommand), (#"{"session":"s","command":""}"#, .unknownCommand),
    ])
    func refusesBadRequests(line: String, code: ErrorCode) {
        guard case .failure(let error) = parse(line) else { Issue.record("\(line) was accepted"); return }
        #expect(error.code == code)
        #expect(!error.message.isEmpty)
    }

    @Test func errorsKeepTheSessionAndIdWhenReadable() {
        guard case .failure(let error) = parse(#"{"session":"c7","id":"r1","command":"undo"}"#) else { Issue.record("accepted"); return }
        #expect(error.session == "c7")
        #expect(error.id == Array(#""r1""#.utf8))
    }

    @Test func invalidUTF8IsNamedAndTheSessionSalvaged() {
        var bytes = Array(#"{"session":"c9","id":3,"text":"退"#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#""}"#.utf8)
        guard case .failure(let error) = parse(bytes) else { Issue.record("accepted"); return }
        #expect(error.code == .invalidUTF8)
        #expect(error.session == "c9")
        #expect(error.id == Array("3".utf8))
        guard case .failure(let garbage) = parse([0x80, 0x41, 0xC3]) else { Issue.record("accepted"); return }
        #expect(garbage.code == .invalidUTF8)
        #expect(garbage.session == nil)
    }
}

/// Cutting chunked input into lines, with the line-length limit.
@Suite struct LineSplitterTests {
    func lines(_ chunks: [String], limit: Int = 10) -> [String] {
        var splitter = LineSplitter(limit: limit)
        var output: [String] = []
        let collect: (LineSplitter.Line, Int) -> Void = { line, number in
            switch line {
            case .bytes(let bytes): output.append("\(number):\(String(decoding: bytes, as: UTF8.self))")
            case .tooLong: output.append("\(number):TOO LONG")
            }
        }
        for chunk in chunks { Array(chunk.utf8).withUnsafeBufferPointer { splitter.feed($0, collect) } }
        splitter.finish(collect)
        return output
    }

    @Test func splitsAcrossChunks() {
        #expect(lines(["ab\ncd", "ef\r\n\ngh"]) == ["1:ab", "2:cdef", "3:", "4:gh"])
        #expect(lines(["a\n", "b\n"]) == ["1:a", "2:b"])
    }

    @Test func skipsLongLinesWithoutHoldingThem() {
        #expect(lines(["0123456789A\nok\n"]) == ["1:TOO LONG", "2:ok"])
        #expect(lines(["01234", "56789", "ABCDE", "FGH\nok"]) == ["1:TOO LONG", "2:ok"])
        #expect(lines(["0123456789", "\n", "0123456789ABC"]) == ["1:0123456789", "2:TOO LONG"])
    }
}
