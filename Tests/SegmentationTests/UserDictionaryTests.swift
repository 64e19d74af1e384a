/// User dictionaries: parsing `word [freq] [tag]` lines, errors that name the file and line, and
/// how user words change segmentation (a word without frequency wins, 0 removes, later wins).
import ChatCore
import Foundation
import KefuTestSupport
import Segmentation
import Testing

struct BadWordList: CustomTestStringConvertible, Sendable {
    var text: [UInt8]
    var line: Int
    var problem: String
    var name: String

    init(_ name: String, _ text: [UInt8], line: Int, problem: String) {
        self.name = name
        self.text = text
        self.line = line
        self.problem = problem
    }

    init(_ name: String, _ text: String, line: Int, problem: String) {
        self.init(name, Array(text.utf8), line: line, problem: problem)
    }

    var testDescription: String { name }
}

@Suite("User dictionary")
struct UserDictionaryTests {
    // MARK: Parsing

    @Test("word, frequency and tag")
    func fields() throws {
        let list = try WordList(parsing: Array("退货运费险 5000 n\n七天无理由\n京东白条 nz\n".utf8), source: "user.txt")
        #expect(list.entries == [
            WordList.Entry(word: "退货运费险", frequency: 5000, tag: "n", source: "user.txt", line: 1),
            WordList.Entry(word: "七天无理由", frequency: nil, tag: nil, source: "user.txt", line: 2),
            WordList.Entry(word: "京东白条", frequency: nil, tag: "nz", source: "user.txt", line: 3),
        ])
    }

    @Test("blank lines and comments are skipped but counted")
    func commentsAndBlankLines() throws {
        let list = try WordList(parsing: Array("# 客服词表\n\n   \n\t\n杭研大厦 7\n  # indented comment\n某词 0".utf8), source: "w")
        #expect(list.entries == [
            WordList.Entry(word: "杭研大厦", frequency: 7, source: "w", line: 5),
            WordList.Entry(word: "某词", frequency: 0, source: "w", line: 7),
        ])
    }

    @Test("a byte-order mark and CRLF line ends are accepted")
    func bomAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("甲乙 3 n\r\n丙丁\r\n\r\n戊 x\r\n".utf8)
        let list = try WordList(parsing: bytes, source: "crlf.txt")
        #expect(list.entries == [
            WordList.Entry(word: "甲乙", frequency: 3, tag: "n", source: "crlf.txt", line: 1),
            WordList.Entry(word: "丙丁", source: "crlf.txt", line: 2),
            WordList.Entry(word: "戊", tag: "x", source: "crlf.txt", line: 4),
        ])
    }

    @Test("an empty list has no entries")
    func emptyList() throws {
        #expect(try WordList(parsing: [], source: "empty").entries.isEmpty)
        #expect(try WordList(parsing: [0xEF, 0xBB, 0xBF], source: "bom only").entries.isEmpty)
    }

    static let badLists: [BadWordList] = [
        BadWordList("frequency not a number", "甲 3\n乙 abc n\n", line: 2, problem: "not a whole number"),
        BadWordList("decimal frequency", "甲 1.5\n", line: 1, problem: "not a whole number"),
        BadWordList("negative frequency", "甲 3\n\n乙 -5\n", line: 3, problem: "negative"),
        BadWordList("too many fields", "# c\n甲 1 n extra\n", line: 2, problem: "4 fields"),
        BadWordList("invalid UTF-8", Array("甲 3\n".utf8) + [0xE4, 0xB9, 0x20, 0x31, 0x0A], line: 2, problem: "invalid UTF-8"),
    ]

    @Test("errors name the file and the line", arguments: badLists)
    func badLine(_ bad: BadWordList) {
        do {
            _ = try WordList(parsing: bad.text, source: "shop.dict")
            Issue.record("\(bad.name): no error")
        } catch {
            #expect(error.source == "shop.dict")
            #expect(error.line == bad.line)
            #expect(error.problem.contains(bad.problem), "\(error.problem)")
            #expect(error.description.hasPrefix("shop.dict:\(bad.line): "), "\(error.description)")
        }
    }

    @Test("reading a file names the file in entries and errors")
    func readingFiles() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let good = try directory.write("good.txt", "杭研大厦\n".utf8)
        let bad = try directory.write("bad.txt", "好词 9\n坏词 9 n 多余\n".utf8)

        let list = try WordList(contentsOf: good)
        #expect(list.entries == [WordList.Entry(word: "杭研大厦", source: good, line: 1)])

        #expect { try WordList(contentsOf: bad) } throws: { error in
            String(describing: error).hasPrefix("\(bad):2: ")
        }
        let missing = directory.path("missing.txt")
        #expect { try WordList(contentsOf: missing) } throws: { error in
            guard let error = error as? WordListError else { return false }
            return error.source == missing && error.line == nil && error.description.hasPrefix("\(missing): ")
        }
    }

    // MARK: Segmentation with user words

    static func list(_ text: String) throws -> WordList {
        try WordList(parsing: Array(text.utf8), source: "user.txt")
    }

    @Test("a user word without frequency wins in context", arguments: [
        ("退货运费险怎么买", "退货运费险", ["退货运费险", "怎么", "买"]),
        ("他来到了网易杭研大厦", "杭研大厦", ["他", "来到", "了", "网易", "杭研大厦"]),
        ("退货运费险怎么买", "货运费险", ["退", "货运费险", "怎么", "买"]),
    ])
    func userWordWins(line: String, word: String, expected: [String]) throws {
        #expect(try !Shipped.texts(line).contains(word))
        let segmenter = try Shipped.segmenter(userWords: Self.list(word))
        #expect(segmenter.texts(line) == expected)
        #expect(try Shipped.segmenter(userWords: Self.list(word), usesHMM: false).texts(line) == expected)
    }

    @Test("the suggested frequency beats even the commonest pieces")
    func suggestedFrequency() throws {
        // 我 and 的 are two of the most frequent words; frequency 1 would lose to them
        // (see explicitFrequency), the suggested one must not.
        #expect(try Shipped.texts("我的订单") == ["我", "的", "订单"])
        let segmenter = try Shipped.segmenter(userWords: Self.list("我的"))
        #expect(segmenter.texts("我的订单") == ["我的", "订单"])
        #expect(segmenter.texts("这是我的") == ["这", "是", "我的"])
    }

    @Test("frequency 0 removes a dictionary word")
    func removal() throws {
        #expect(try Shipped.texts("永和服装饰品有限公司") == ["永和", "服装", "饰品", "有限公司"])
        let segmenter = try Shipped.segmenter(userWords: Self.list("有限公司 0"))
        #expect(segmenter.texts("永和服装饰品有限公司") == ["永和", "服装", "饰品", "有限", "公司"])
    }

    @Test("a user word may hold characters the dictionary has never seen")
    func unseenCharacters() throws {
        let segmenter = try Shipped.segmenter(userWords: Self.list("𠀾𠁀\n䶵䶴客服"))
        #expect(segmenter.texts("我爱𠀾𠁀") == ["我", "爱", "𠀾𠁀"])
        #expect(segmenter.texts("找䶵䶴客服") == ["找", "䶵䶴客服"])
    }

    @Test("a user word may cross from Latin to Han and match any case or width")
    func mixedScriptUserWord() throws {
        let segmenter = try Shipped.segmenter(userWords: Self.list("kefu客服"))
        #expect(segmenter.texts("Kefu客服很好") == ["Kefu客服", "很", "好"])
        #expect(segmenter.texts("ＫＥＦＵ客服很好") == ["ＫＥＦＵ客服", "很", "好"])
        #expect(segmenter.texts("kefuu客服") == ["kefuu", "客服"])
    }

    @Test("a later entry overrides an earlier one")
    func laterWins() throws {
        let removedLast = try Shipped.segmenter(userWords: Self.list("退货运费险\n退货运费险 0"))
        #expect(!removedLast.texts("退货运费险怎么买").contains("退货运费险"))
        let addedLast = try Shipped.segmenter(userWords: Self.list("退货运费险 0\n退货运费险"))
        #expect(addedLast.texts("退货运费险怎么买") == ["退货运费险", "怎么", "买"])
        // Two dictionaries appended, as `--dict a --dict b` does.
        var words = try Self.list("有限公司 0")
        words.entries += try Self.list("有限公司 100000").entries
        #expect(try Shipped.segmenter(userWords: words).texts("永和服装饰品有限公司").last == "有限公司")
    }

    @Test("an explicit frequency is used as given")
    func explicitFrequency() throws {
        // Frequency 1 is far too rare to beat 我 + 的, two of the commonest words.
        let rare = try Shipped.segmenter(userWords: Self.list("我的 1"))
        #expect(rare.texts("我的订单") == ["我", "的", "订单"])
        let frequent = try Shipped.segmenter(userWords: Self.list("我的 100000000"))
        #expect(frequent.texts("我的订单") == ["我的", "订单"])
    }

    @Test("words that are empty or hold whitespace are rejected", arguments: [
        "退货 运费险", "退货\t运费险", "退货\u{3000}运费险", "退货\u{A0}运费险", "退货\u{200B}运费险", "",
    ])
    func whitespaceRejected(word: String) throws {
        let words = WordList(entries: [WordList.Entry(word: "好词"), WordList.Entry(word: word, source: "mine.txt", line: 2)])
        #expect { try Shipped.segmenter(userWords: words) } throws: { error in
            guard let error = error as? WordListError else { return false }
            return error.source == "mine.txt" && error.line == 2 && error.description.hasPrefix("mine.txt:2: ")
        }
    }
}
