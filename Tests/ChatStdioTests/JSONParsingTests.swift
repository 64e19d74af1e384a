import ChatCore
import Testing

/// The strict JSON reader of ChatCore (JSONValue+Parsing), as the stdio adapter uses it.
@Suite struct JSONParsingTests {
    @Test(arguments: [
        (#"{"session":"c42","text":"我想退货"}"#, JSONValue.object(["session": .string("c42"), "text": .string("我想退货")])),
        (#" [1, -2.5, 3e2, true, false, null] "#, .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null])),
        (#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#, .string("a\"b\\c/d\n\té😀")),
        (#"{}"#, .object([])),
        (#"[]"#, .array([])),
        (#"0"#, .number(0)),
        (#"-0.0"#, .number(-0.0)),
        (#""订单 20241105123456""#, .string("订单 20241105123456")),
    ])
    func readsValidJSON(text: String, expected: JSONValue) throws {
        #expect(try JSONValue(parsing: text) == expected)
    }

    @Test(arguments: [
        "", "   ", "not json", "{", "}", "[1,]", "{\"a\":1,}", "{'a':1}", "{\"a\" 1}", "{a:1}", "01", "1.", ".5", "-",
        "1e", "+1", "NaN", "Infinity", "tru", "nul", "\"abc", "\"a\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"",
        "\"a\u{01}b\"", "{\"a\":1} x", "[1] [2]", "{\"a\":1,\"a\":2}", "// comment", "[\"a\"\"b\"]",
    ])
    func refusesInvalidJSON(text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func errorsNameTheOffsetAndTheProblem() throws {
        let error = try #require(throws: JSONValue.ParseError.self) { try JSONValue(parsing: #"{"session" "c42"}"#) }
        #expect(error.kind == .syntax)
        #expect(error.offset == 11)
        #expect(error.description == "expected ':' after the key \"session\" at byte 12")
    }

    @Test(arguments: [[0x22, 0xFF, 0x22], [0x22, 0xE8, 0xAE, 0x22], [0x22, 0xC0, 0x80, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
                      [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]] as [[UInt8]])
    func refusesInvalidUTF8InStrings(bytes: [UInt8]) {
        let error = bytes.withUnsafeBufferPointer { buffer in
            #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: buffer) }
        }
        #expect(error?.kind == .invalidUTF8)
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: deep) }
        #expect(error?.kind == .tooDeep)
        #expect(throws: Never.self) { try JSONValue(parsing: String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) }
    }

    @Test func objectMembersKeepTheirValueRanges() throws {
        let text = Array(#"{"id": [1, 2] , "n":12345678901234567890}"#.utf8)
        let parsed = try text.withUnsafeBufferPointer { try JSONValue.parseObject($0) }
        let (members, ranges) = try #require(parsed)
        #expect(members.map(\.key) == ["id", "n"])
        #expect(String(decoding: text[ranges[0]], as: UTF8.self) == "[1, 2]")
        #expect(String(decoding: text[ranges[1]], as: UTF8.self) == "12345678901234567890")
        let notObject = try Array("[1]".utf8).withUnsafeBufferPointer { try JSONValue.parseObject($0) }
        #expect(notObject == nil)
    }

    @Test func roundTripsThroughItsOwnText() throws {
        let value = JSONValue.object(["text": .string("「你好」\n\"quoted\""), "n": .number(0.25), "list": .array([.null, .bool(true)])])
        #expect(try JSONValue(parsing: value.text) == value)
    }
}
