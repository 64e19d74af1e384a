@testable import BotDefinition
import Testing

@Suite("Key suggestions") struct KeySuggestionTests {
    static let intentKeys = ["name", "description", "examples", "slots", "lookup", "reply", "confirm"]

    @Test("typos find the key meant", arguments: [
        ("exmaples", "examples"), ("example", "examples"), ("Name", "name"), ("replly", "reply"),
        ("slot", "slots"), ("descripton", "description"), ("confrim", "confirm"),
    ])
    func typo(_ typed: String, _ meant: String) {
        #expect(KeySuggestion.closest(to: typed, among: Self.intentKeys) == meant)
    }

    @Test("unrelated words find nothing", arguments: ["answer", "xyz", "questions", "tags"])
    func unrelated(_ typed: String) {
        #expect(KeySuggestion.closest(to: typed, among: Self.intentKeys) == nil)
    }

    @Test func editDistance() {
        func distance(_ a: String, _ b: String) -> Int {
            KeySuggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
        }
        #expect(distance("", "abc") == 3)
        #expect(distance("abc", "abc") == 0)
        #expect(distance("ab", "ba") == 1)
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("订单", "订单号") == 1)
    }
}
