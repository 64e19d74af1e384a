/// Properties every segmentation must have, checked on varied hand-written lines and on lines
/// generated from a seeded generator: the tokens put together give the line back without its
/// whitespace, they are in order and do not overlap, and their text and offsets agree.
import ChatCore
import Segmentation
import KefuTestSupport
import Testing

@Suite("Segmentation properties")
struct PropertyTests {
    static let handWritten: [String] = [
        "",
        " ",
        "永和服装饰品有限公司",
        "他来到了网易杭研大厦",
        "帮我查一下订单20241105123456，发到li.wei@example.com",
        "联系13812345678，满3,200元打12.5%折👍🏽",
        "看https://shop.example.com/a?b=1。谢谢！！！",
        "ＦＩＬＡ的鞋打１７％折，价格１２．５元",
        "型号A123B支持Wi-Fi，don't worry about it",
        "太棒了👍🏽👨‍👩‍👧🇨🇳1️⃣2️⃣#️⃣",
        "真的吗！！！好吧……——",
        "  前后有空格\t和制表符  ",
        "全角\u{3000}空格与\u{A0}不换行空格",
        "零宽\u{200B}空格\u{FEFF}和\u{200D}连接符",
        "\u{301}开头的组合符号",
        "控制\u{0}字符\u{7}和\u{1B}转义\u{7F}",
        "こんにちは世界，안녕하세요",
        "Ελληνικά και русский текст",
        "emoji 👩🏽‍💻 and flags 🇺🇸🇯 and ❤️ ☺️",
        "+86-138-1234-5678 或 138-1234-5678",
        "1,234,567.89元，3.14.15，v1.2.3",
        "li.wei@example.com. x@y.com.cn a@b.c",
        "(https://a.com/x) https://a.com/(x)",
        "C++和C#和F#",
        "¥100 ￥100 100元 ℃ ±5",
        "中\u{301}国 e\u{301}",
        "𠮷野家的𠀾𠁀",
        "私用区\u{E000}和未分配\u{0378}码位",
        "行分隔\u{2028}段分隔\u{2029}结束",
        "标签🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}旗帜",
        "退货运费险怎么买？七天无理由退货吗",
    ]

    /// Pieces the generator strings together.
    static let pieces: [String] = [
        "订单", "退货", "快递", "杭研", "大厦", "我", "的", "了", "永和", "服装", "饰品", "有限公司", "𠮷",
        "a", "Z", "iPhone", "Wi-Fi", "don't", "x", "ＦＩＬＡ",
        "0", "7", "12.5", "3,200", "17%", "１２", "13812345678", "+86",
        "，", "。", "！", "！！", "…", ".", ",", "-", "_", "'", "@", "%", ":", "/", "(", ")", "#", "*", "+",
        " ", "  ", "\t", "\u{3000}", "\u{A0}", "\u{200B}", "\u{FEFF}", "\u{7}",
        "👍", "🏽", "👨‍👩‍👧", "🇨", "🇳", "\u{FE0F}", "\u{20E3}", "\u{200D}", "\u{301}", "❤️",
        "こん", "안녕", "li.wei@example.com", "https://a.com/b?c=1", "www.x.cn",
    ]

    static let generated: [String] = {
        var generator = SeededGenerator(seed: 20241105)
        return (0..<150).map { _ in
            let count = Int.random(in: 0...40, using: &generator)
            return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }()

    static func checkProperties(of line: String, using segmenter: Segmenter) {
        let tokens = segmenter.tokenize(line)
        let scalars = Array(line.unicodeScalars)
        var utf8Offsets = [0]
        for scalar in scalars { utf8Offsets.append(utf8Offsets.last! + String(scalar).utf8.count) }

        // Nothing is lost, nothing is added: only whitespace, controls and format characters go.
        let joined = tokens.map(\.text).joined()
        let kept = withoutDropped(line)
        #expect(joined.unicodeScalars.elementsEqual(kept.unicodeScalars),
                "line \(line.debugDescription) gave \(tokens.map(\.text)), which spell \(joined.debugDescription), not \(kept.debugDescription)")

        var previousEnd = 0
        for token in tokens {
            // In order, non-empty, not overlapping.
            #expect(token.scalarRange.lowerBound >= previousEnd, "\(line.debugDescription): \(token.text) overlaps")
            #expect(!token.scalarRange.isEmpty, "\(line.debugDescription): empty token")
            previousEnd = token.scalarRange.upperBound
            guard token.scalarRange.upperBound <= scalars.count else {
                Issue.record("\(line.debugDescription): \(token.text) ends past the line")
                return
            }
            // The scalar range and the UTF-8 range describe the same text.
            #expect(token.utf8Range == utf8Offsets[token.scalarRange.lowerBound]..<utf8Offsets[token.scalarRange.upperBound],
                    "\(line.debugDescription): \(token.text)")
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[token.scalarRange])
            #expect(token.text.unicodeScalars.elementsEqual(slice), "\(line.debugDescription): \(token.text.debugDescription)")
            #expect(line[token.range(in: line)].unicodeScalars.elementsEqual(token.text.unicodeScalars),
                    "\(line.debugDescription): \(token.text.debugDescription)")
            // Normalizing folds scalar by scalar.
            #expect(token.normalized.unicodeScalars.count == token.scalarRange.count)
            // A token never starts with something that is dropped.
            #expect(!isDropped(token.text.unicodeScalars.first!), "\(line.debugDescription): \(token.text.debugDescription)")
        }
    }

    @Test("hand-written lines, HMM on and off", arguments: [true, false])
    func handWrittenLines(usesHMM: Bool) throws {
        let segmenter = try Shipped.segmenter(usesHMM: usesHMM)
        for line in Self.handWritten { Self.checkProperties(of: line, using: segmenter) }
    }

    @Test("generated lines, HMM on and off", arguments: [true, false])
    func generatedLines(usesHMM: Bool) throws {
        let segmenter = try Shipped.segmenter(usesHMM: usesHMM)
        for line in Self.generated { Self.checkProperties(of: line, using: segmenter) }
    }

    @Test("generated lines with user words")
    func generatedLinesWithUserWords() throws {
        let words = WordList(entries: [
            .init(word: "杭研大厦"), .init(word: "订单退货", frequency: 100_000), .init(word: "有限公司", frequency: 0),
            .init(word: "iPhone订单"), .init(word: "快递👍"),
        ])
        let segmenter = try Shipped.segmenter(userWords: words)
        for line in Self.generated.prefix(60) { Self.checkProperties(of: line, using: segmenter) }
    }

    @Test("a reused workspace gives the same tokens as a fresh one")
    func workspaceReuse() throws {
        let segmenter = try Shipped.segmenter()
        var workspace = SegmentationWorkspace()
        // Longest first, so later lines run in storage left over from longer ones.
        let lines = (Self.handWritten + Self.generated.prefix(40)).sorted { $0.utf8.count > $1.utf8.count }
        for line in lines {
            #expect(segmenter.tokenize(line, in: &workspace) == segmenter.tokenize(line), "\(line.debugDescription)")
        }
    }

    @Test("the generator is seeded: the same lines every run")
    func generatorIsDeterministic() {
        var first = SeededGenerator(seed: 7), second = SeededGenerator(seed: 7)
        #expect((0..<8).map { _ in first.next() } == (0..<8).map { _ in second.next() })
        #expect(Set(Self.generated).count > 100)
    }
}
