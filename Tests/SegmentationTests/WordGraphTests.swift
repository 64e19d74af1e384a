/// The word graph and best route over a tiny compiled dictionary whose frequencies decide the cut,
/// and how dictionary words meet Latin words and numbers (which are never cut into).
import ChatCore
import Segmentation
import Testing

struct RouteCase: CustomTestStringConvertible, Sendable {
    var words: [String: Int]
    var expected: [String]
    var testDescription: String { expected.joined(separator: " ") }
}

@Suite("Word graph")
struct WordGraphTests {
    /// 甲乙丙 can be cut 甲乙|丙 or 甲|乙丙; the product of the word probabilities decides.
    static let routes: [RouteCase] = [
        RouteCase(words: ["甲乙": 100, "丙": 100, "甲": 10, "乙丙": 10, "天": 10_000], expected: ["甲乙", "丙"]),
        RouteCase(words: ["甲乙": 10, "丙": 10, "甲": 100, "乙丙": 100, "天": 10_000], expected: ["甲", "乙丙"]),
        // One long word against its pieces.
        RouteCase(words: ["甲乙丙": 50, "甲": 100, "乙": 100, "丙": 100, "天": 10_000], expected: ["甲乙丙"]),
        RouteCase(words: ["甲乙丙": 1, "甲": 5_000, "乙": 5_000, "丙": 5_000, "天": 10_000], expected: ["甲", "乙", "丙"]),
    ]

    @Test("the most probable route wins", arguments: routes)
    func bestRoute(_ route: RouteCase) throws {
        let words = route.words.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let segmenter = try Fixture.segmenter(words, usesHMM: false)
        #expect(segmenter.texts("甲乙丙") == route.expected)
        #expect(segmenter.tokenize("甲乙丙").allSatisfy { $0.kind == .word })
    }

    static let mixedWords: [(String, Int)] = [
        ("t恤", 100), ("4s店", 100), ("vip会员", 100), ("会员", 1000), ("会员v", 100_000), ("ab", 100), ("天", 10_000),
    ]
    static let mixedImage = Fixture.imageBytes(mixedWords)

    @Test("a dictionary word may cross from Latin to Han", arguments: [
        ("T恤", ["T恤"]), ("t恤", ["t恤"]), ("T恤衫", ["T恤", "衫"]), ("4S店", ["4S店"]), ("ＶＩＰ会员", ["ＶＩＰ会员"]),
    ])
    func crossScriptWords(line: String, expected: [String]) throws {
        let segmenter = try Fixture.segmenter(imageBytes: Self.mixedImage)
        let tokens = segmenter.tokenize(line)
        #expect(tokens.map(\.text) == expected)
        #expect(tokens.first?.kind == .word)
    }

    @Test("a Latin word or number is never cut into", arguments: [
        ("abc", ["abc"]), ("XT恤", ["XT", "恤"]), ("14s店", ["14s", "店"]), ("会员vip", ["会员", "vip"]),
    ])
    func atomicUnits(line: String, expected: [String]) throws {
        let segmenter = try Fixture.segmenter(imageBytes: Self.mixedImage)
        #expect(segmenter.texts(line) == expected)
    }

    @Test("a dictionary word that is all Latin keeps the kind latin")
    func latinDictionaryWord() throws {
        let segmenter = try Fixture.segmenter(imageBytes: Self.mixedImage)
        let tokens = segmenter.tokenize("ab天12")
        #expect(tokens.map(\.text) == ["ab", "天", "12"])
        #expect(tokens.map(\.kind) == [.latin, .word, .number])
    }

    @Test("matching folds width and case; the token keeps what was typed")
    func foldedMatching() throws {
        let segmenter = try Fixture.segmenter(imageBytes: Self.mixedImage)
        let token = try #require(segmenter.tokenize("ＶＩＰ会员").first)
        #expect(token.text == "ＶＩＰ会员")
        #expect(token.normalized == "vip会员")
        #expect(token.scalarRange == 0..<5)
        #expect(token.utf8Range == 0..<15)
    }

    @Test("characters no word starts with are single words")
    func unknownCharacters() throws {
        let segmenter = try Fixture.segmenter([("天地", 10), ("天", 10_000)], usesHMM: false)
        #expect(segmenter.texts("日天地月") == ["日", "天地", "月"])
    }

    @Test("characters beyond the Basic Multilingual Plane are matched")
    func supplementaryCharacters() throws {
        let segmenter = try Fixture.segmenter([("𠮷野家", 100), ("野", 10), ("家", 10), ("天", 10_000)], usesHMM: false)
        let tokens = segmenter.tokenize("去𠮷野家")
        #expect(tokens.map(\.text) == ["去", "𠮷野家"])
        #expect(tokens.last?.scalarRange == 1..<4)
        #expect(tokens.last?.utf8Range == 3..<13)
    }
}
