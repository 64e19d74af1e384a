/// JSON text as machine-readable commands write it: key order kept, integers without fractions,
/// strings escaped so any line reads back.
import ChatCore
import Foundation
import Testing

@Suite("JSON output")
struct JSONValueTests {
    @Test("numbers: integers bare, fractions shortest, non-finite as null", arguments: [
        (320.0, "320"), (-5.0, "-5"), (0.0, "0"), (99.9, "99.9"), (0.1, "0.1"), (1.5e20, "1.5e+20"),
        (Double.nan, "null"), (Double.infinity, "null"),
    ])
    func numbers(value: Double, expected: String) {
        #expect(JSONValue.number(value).text == expected)
    }

    @Test("objects keep the order their keys were written in")
    func keyOrder() {
        let value = JSONValue.object(["text": .string("订单"), "intent": .null, "a": .array([.bool(true), .number(1)])])
        #expect(value.text == #"{"text":"订单","intent":null,"a":[true,1]}"#)
    }

    @Test("strings escape quotes, backslashes and control characters and read back", arguments: [
        "普通文本", "say \"hi\"", "a\\b", "tab\there", "line\nbreak\r", "\u{01}\u{1F}", "emoji 👍🏽", "\u{2028}",
    ])
    func strings(text: String) throws {
        let json = JSONValue.string(text).text
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 })
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        #expect(decoded as? String == text)
    }

    @Test("a nil string is null")
    func optionalString() {
        #expect(JSONValue.string(nil as String?).text == "null")
    }
}
