/// The script scanner: e-mail addresses, URLs, numbers, phones, Latin words, emoji and runs of
/// punctuation come out as single tokens of the right kind, with hand-computed scalar and UTF-8
/// offsets.
import ChatCore
import Segmentation
import Testing

struct SingleToken: CustomTestStringConvertible, Sendable {
    var text: String
    var kind: Token.Kind
    var normalized: String

    init(_ text: String, _ kind: Token.Kind, normalized: String? = nil) {
        self.text = text
        self.kind = kind
        self.normalized = normalized ?? text.lowercased()
    }

    var testDescription: String { "\(text) (\(kind))" }
}

struct OffsetCase: CustomTestStringConvertible, Sendable {
    var line: String
    var tokens: [ExpectedToken]
    var testDescription: String { line }
}

@Suite("Script scanner")
struct ScriptScannerTests {
    /// Each line is exactly one token.
    static let singles: [SingleToken] = [
        SingleToken("li.wei@example.com", .email),
        SingleToken("Li.Wei@Example.COM", .email),
        SingleToken("a_b+tag%1-x@mail-1.example.com.cn", .email),
        SingleToken("123abc@qq.com", .email),
        SingleToken("https://shop.example.com/a?b=1", .url),
        SingleToken("HTTPS://EXAMPLE.COM/A", .url),
        SingleToken("http://example.com/path#frag", .url),
        SingleToken("www.example.com", .url),
        SingleToken("https://a.com/(x)", .url),
        SingleToken("12.5", .number),
        SingleToken("3,200", .number),
        SingleToken("1,234,567", .number),
        SingleToken("17%", .number),
        SingleToken("12.5%", .number),
        SingleToken("20241105123456", .number),
        SingleToken("138123456789", .number),     // 12 digits: not a mobile number
        SingleToken("12812345678", .number),      // 12x is no mobile prefix
        SingleToken("13812345678", .phone),
        SingleToken("138-1234-5678", .phone),
        SingleToken("+8613812345678", .phone),
        SingleToken("+86-138-1234-5678", .phone),
        SingleToken("１３８１２３４５６７８", .phone, normalized: "13812345678"),
        SingleToken("＋８６１３８１２３４５６７８", .phone, normalized: "+8613812345678"),
        SingleToken("iPhone15", .latin),
        SingleToken("A123B", .latin),
        SingleToken("Wi-Fi", .latin),
        SingleToken("don't", .latin),
        SingleToken("don’t", .latin),
        SingleToken("user_name", .latin),
        SingleToken("v1.2.3", .latin),
        SingleToken("13812345678abc", .latin),
        SingleToken("e\u{301}te\u{301}", .latin),     // combining accents stay with their letters
        SingleToken("Ελλάδα", .latin),
        SingleToken("ＦＩＬＡ", .latin, normalized: "fila"),
        SingleToken("１７％", .number, normalized: "17%"),
        SingleToken("１２．５", .number, normalized: "12.5"),
        SingleToken("👍🏽", .emoji),
        SingleToken("👨‍👩‍👧", .emoji),
        SingleToken("🇨🇳", .emoji),
        SingleToken("👩🏽‍💻", .emoji),
        SingleToken("🏳️‍🌈", .emoji),
        SingleToken("✅", .emoji),
        SingleToken("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", .emoji),   // England: a flag and tags
        SingleToken("#️⃣", .emoji),
        SingleToken("1️⃣", .emoji),
        SingleToken("1\u{20E3}", .emoji),              // keycap without the emoji selector
        SingleToken("❤️", .emoji),                      // a text symbol shown as emoji (U+FE0F)
        SingleToken("☺️", .emoji),
        SingleToken("©️", .emoji),
        SingleToken("❤️‍🔥", .emoji),                    // joined to a pictograph
        SingleToken("🏳️‍⚧️", .emoji),                    // joined to a text symbol shown as emoji
        SingleToken("❤", .symbol),                      // without the selector it stays a symbol
        SingleToken("！！！", .punct, normalized: "!!!"),
        SingleToken("……", .punct),
        SingleToken("——", .punct),
        SingleToken("。。。", .punct),
        SingleToken("@@@", .punct),
        SingleToken("¥", .symbol),
        SingleToken("℃", .symbol),
        SingleToken("++", .symbol),
        SingleToken("こんにちは", .other),
        SingleToken("안녕하세요", .other),
    ]

    @Test("one token of the right kind", arguments: singles)
    func singleToken(_ expected: SingleToken) throws {
        let tokens = try Shipped.segmenter().tokenize(expected.text)
        try #require(tokens.count == 1, "\(tokens.map(\.text))")
        let token = tokens[0]
        #expect(token.text == expected.text)
        #expect(token.kind == expected.kind)
        #expect(token.normalized == expected.normalized)
        #expect(token.scalarRange == 0..<expected.text.unicodeScalars.count)
        #expect(token.utf8Range == 0..<expected.text.utf8.count)
    }

    /// Lines in context, with offsets counted by hand: a Chinese character is 3 UTF-8 bytes, an
    /// emoji scalar 4, a zero-width joiner 3.
    static let offsetCases: [OffsetCase] = [
        OffsetCase(line: "发到li.wei@example.com。", tokens: [
            ExpectedToken("发到", .word, scalars: 0..<2, utf8: 0..<6),
            ExpectedToken("li.wei@example.com", .email, scalars: 2..<20, utf8: 6..<24),
            ExpectedToken("。", .punct, scalars: 20..<21, utf8: 24..<27),
        ]),
        OffsetCase(line: "看https://shop.example.com/a?b=1。", tokens: [
            ExpectedToken("看", .word, scalars: 0..<1, utf8: 0..<3),
            ExpectedToken("https://shop.example.com/a?b=1", .url, scalars: 1..<31, utf8: 3..<33),
            ExpectedToken("。", .punct, scalars: 31..<32, utf8: 33..<36),
        ]),
        OffsetCase(line: "看https://shop.example.com/a?b=1.", tokens: [
            ExpectedToken("看", .word, scalars: 0..<1, utf8: 0..<3),
            ExpectedToken("https://shop.example.com/a?b=1", .url, scalars: 1..<31, utf8: 3..<33),
            ExpectedToken(".", .punct, scalars: 31..<32, utf8: 33..<34),
        ]),
        OffsetCase(line: "联系li.wei@example.com或13812345678，iPhone15价格3,200元", tokens: [
            ExpectedToken("联系", .word, scalars: 0..<2, utf8: 0..<6),
            ExpectedToken("li.wei@example.com", .email, scalars: 2..<20, utf8: 6..<24),
            ExpectedToken("或", .word, scalars: 20..<21, utf8: 24..<27),
            ExpectedToken("13812345678", .phone, scalars: 21..<32, utf8: 27..<38),
            ExpectedToken("，", .punct, scalars: 32..<33, utf8: 38..<41),
            ExpectedToken("iPhone15", .latin, scalars: 33..<41, utf8: 41..<49),
            ExpectedToken("价格", .word, scalars: 41..<43, utf8: 49..<55),
            ExpectedToken("3,200", .number, scalars: 43..<48, utf8: 55..<60),
            ExpectedToken("元", .word, scalars: 48..<49, utf8: 60..<63),
        ]),
        OffsetCase(line: "电话138-1234-5678或+8613812345678", tokens: [
            ExpectedToken("电话", .word, scalars: 0..<2, utf8: 0..<6),
            ExpectedToken("138-1234-5678", .phone, scalars: 2..<15, utf8: 6..<19),
            ExpectedToken("或", .word, scalars: 15..<16, utf8: 19..<22),
            ExpectedToken("+8613812345678", .phone, scalars: 16..<30, utf8: 22..<36),
        ]),
        OffsetCase(line: "订单20241105123456，12.5元", tokens: [
            ExpectedToken("订单", .word, scalars: 0..<2, utf8: 0..<6),
            ExpectedToken("20241105123456", .number, scalars: 2..<16, utf8: 6..<20),
            ExpectedToken("，", .punct, scalars: 16..<17, utf8: 20..<23),
            ExpectedToken("12.5", .number, scalars: 17..<21, utf8: 23..<27),
            ExpectedToken("元", .word, scalars: 21..<22, utf8: 27..<30),
        ]),
        OffsetCase(line: "打17%折", tokens: [
            ExpectedToken("打", .word, scalars: 0..<1, utf8: 0..<3),
            ExpectedToken("17%", .number, scalars: 1..<4, utf8: 3..<6),
            ExpectedToken("折", .word, scalars: 4..<5, utf8: 6..<9),
        ]),
        OffsetCase(line: "型号A123B支持Wi-Fi，don't worry", tokens: [
            ExpectedToken("型号", .word, scalars: 0..<2, utf8: 0..<6),
            ExpectedToken("A123B", .latin, scalars: 2..<7, utf8: 6..<11),
            ExpectedToken("支持", .word, scalars: 7..<9, utf8: 11..<17),
            ExpectedToken("Wi-Fi", .latin, scalars: 9..<14, utf8: 17..<22),
            ExpectedToken("，", .punct, scalars: 14..<15, utf8: 22..<25),
            ExpectedToken("don't", .latin, scalars: 15..<20, utf8: 25..<30),
            ExpectedToken("worry", .latin, scalars: 21..<26, utf8: 31..<36),
        ]),
        OffsetCase(line: "太棒了👍🏽👨‍👩‍👧🇨🇳", tokens: [
            ExpectedToken("太棒了", .word, scalars: 0..<3, utf8: 0..<9),
            ExpectedToken("👍🏽", .emoji, scalars: 3..<5, utf8: 9..<17),
            ExpectedToken("👨‍👩‍👧", .emoji, scalars: 5..<10, utf8: 17..<35),
            ExpectedToken("🇨🇳", .emoji, scalars: 10..<12, utf8: 35..<43),
        ]),
        OffsetCase(line: "真的吗！！！好吧……", tokens: [
            ExpectedToken("真的", .word, scalars: 0..<2, utf8: 0..<6),
            ExpectedToken("吗", .word, scalars: 2..<3, utf8: 6..<9),
            ExpectedToken("！！！", .punct, scalars: 3..<6, utf8: 9..<18),
            ExpectedToken("好", .word, scalars: 6..<7, utf8: 18..<21),
            ExpectedToken("吧", .word, scalars: 7..<8, utf8: 21..<24),
            ExpectedToken("……", .punct, scalars: 8..<10, utf8: 24..<30),
        ]),
        OffsetCase(line: "ＦＩＬＡ打１７％折，１２．５元", tokens: [
            ExpectedToken("ＦＩＬＡ", .latin, scalars: 0..<4, utf8: 0..<12),
            ExpectedToken("打", .word, scalars: 4..<5, utf8: 12..<15),
            ExpectedToken("１７％", .number, scalars: 5..<8, utf8: 15..<24),
            ExpectedToken("折", .word, scalars: 8..<9, utf8: 24..<27),
            ExpectedToken("，", .punct, scalars: 9..<10, utf8: 27..<30),
            ExpectedToken("１２．５", .number, scalars: 10..<14, utf8: 30..<42),
            ExpectedToken("元", .word, scalars: 14..<15, utf8: 42..<45),
        ]),
        OffsetCase(line: "1️⃣2️⃣号", tokens: [
            ExpectedToken("1️⃣", .emoji, scalars: 0..<3, utf8: 0..<7),
            ExpectedToken("2️⃣", .emoji, scalars: 3..<6, utf8: 7..<14),
            ExpectedToken("号", .word, scalars: 6..<7, utf8: 14..<17),
        ]),
        OffsetCase(line: "写信到li.wei@example.com.谢谢", tokens: [
            ExpectedToken("写信", .word, scalars: 0..<2, utf8: 0..<6),
            ExpectedToken("到", .word, scalars: 2..<3, utf8: 6..<9),
            ExpectedToken("li.wei@example.com", .email, scalars: 3..<21, utf8: 9..<27),
            ExpectedToken(".", .punct, scalars: 21..<22, utf8: 27..<28),
            ExpectedToken("谢谢", .word, scalars: 22..<24, utf8: 28..<34),
        ]),
        OffsetCase(line: "我❤️你", tokens: [
            ExpectedToken("我", .word, scalars: 0..<1, utf8: 0..<3),
            ExpectedToken("❤️", .emoji, scalars: 1..<3, utf8: 3..<9),
            ExpectedToken("你", .word, scalars: 3..<4, utf8: 9..<12),
        ]),
        OffsetCase(line: "加1个#️⃣", tokens: [
            ExpectedToken("加", .word, scalars: 0..<1, utf8: 0..<3),
            ExpectedToken("1", .number, scalars: 1..<2, utf8: 3..<4),
            ExpectedToken("个", .word, scalars: 2..<3, utf8: 4..<7),
            ExpectedToken("#️⃣", .emoji, scalars: 3..<6, utf8: 7..<14),
        ]),
    ]

    @Test("kinds and offsets in context", arguments: offsetCases)
    func offsetsInContext(_ expected: OffsetCase) throws {
        let tokens = try Shipped.segmenter().tokenize(expected.line)
        #expect(tokens.count == expected.tokens.count, "\(tokens.map(\.text))")
        for (token, want) in zip(tokens, expected.tokens) {
            #expect(want.matches(token), "got \(token.text) \(token.kind) \(token.scalarRange) \(token.utf8Range), want \(want)")
        }
    }

    @Test("the low-level spans agree with the tokens")
    func spansAgreeWithTokens() throws {
        let segmenter = try Shipped.segmenter()
        let line = "联系li.wei@example.com或13812345678，iPhone15价格3,200元👍🏽"
        var workspace = SegmentationWorkspace()
        let valid = Array(line.utf8).withUnsafeBufferPointer { segmenter.segment(utf8: $0, in: &workspace) }
        #expect(valid)
        #expect(workspace.lineBytes == Array(line.utf8))
        let tokens = segmenter.tokenize(line)
        #expect(workspace.spans.count == tokens.count)
        for (span, token) in zip(workspace.spans, tokens) {
            #expect(Int(span.start)..<Int(span.end) == token.scalarRange)
            #expect(span.kind == token.kind)
            #expect(workspace.utf8Offset(ofScalar: span.start)..<workspace.utf8Offset(ofScalar: span.end) == token.utf8Range)
        }
        #expect(workspace.utf8Offset(ofScalar: Int32(line.unicodeScalars.count)) == line.utf8.count)
    }

    /// Near misses that must not be taken for an address, phone or number.
    static let nearMisses: [HardCase] = [
        HardCase("a@b.c", "a @ b . c"),                 // a top-level domain has two letters or more
        HardCase("www.", "www ."),                      // a prefix alone is no URL
        HardCase("1234,567", "1234 , 567"),             // thousands separators follow 1–3 digits
        HardCase("1,23", "1 , 23"),
        HardCase("3.14.15", "3.14 . 15"),
        HardCase("-5", "- 5"),
        HardCase(".5", ". 5"),
        HardCase("3.", "3 ."),
        HardCase("A-", "A -"),
        HardCase("C++", "C ++"),
        HardCase("？！", "？ ！"),                       // a run is one mark repeated
        HardCase("🇨🇳🇺🇸🇯", "🇨🇳 🇺🇸 🇯"),                 // flags pair up; an odd one stands alone
        HardCase("👍🏽👍🏽😀😀", "👍🏽 👍🏽 😀 😀"),              // unlike punctuation, emoji do not run together
    ]

    @Test("near misses", arguments: nearMisses)
    func nearMiss(_ hardCase: HardCase) throws {
        #expect(try Shipped.texts(hardCase.line) == hardCase.tokens)
    }
}
