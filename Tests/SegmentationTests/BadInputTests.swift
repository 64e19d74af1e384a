/// Input a customer's client may really send: invalid UTF-8, empty and blank lines, control and
/// format characters, stray combining marks, and a line of a megabyte.
import ChatCore
import Segmentation
import Testing

struct ByteCase: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    init(_ name: String, _ bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
    var testDescription: String { name }
}

@Suite("Bad input")
struct BadInputTests {
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    static func segment(_ bytes: [UInt8], with segmenter: Segmenter, in workspace: inout SegmentationWorkspace) -> Bool {
        bytes.withUnsafeBufferPointer { segmenter.segment(utf8: $0, in: &workspace) }
    }

    static let invalid: [ByteCase] = [
        ByteCase("stray 0xFF", [0xFF]),
        ByteCase("lone continuation byte", [0x80]),
        ByteCase("overlong slash", [0xC0, 0xAF]),
        ByteCase("overlong three-byte", [0xE0, 0x80, 0xAF]),
        ByteCase("UTF-16 surrogate", [0xED, 0xA0, 0x80]),
        ByteCase("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ByteCase("truncated Chinese character", [0xE5, 0x8D]),
        ByteCase("truncated emoji", [0xF0, 0x9F, 0x91]),
        ByteCase("Latin-1 text", [0x63, 0x61, 0x66, 0xE9]),   // "café" in ISO 8859-1
        ByteCase("GBK text", [0xB6, 0xA9, 0xB5, 0xA5]),       // 订单 in GBK
    ]

    @Test("invalid UTF-8 is reported and replaced with U+FFFD", arguments: invalid)
    func invalidBytes(_ input: ByteCase) throws {
        let segmenter = try Shipped.segmenter()
        var workspace = SegmentationWorkspace()
        let bytes = Array("订单".utf8) + input.bytes + Array("查询".utf8)
        #expect(!Self.segment(bytes, with: segmenter, in: &workspace))
        let line = try #require(String(validating: workspace.lineBytes, as: UTF8.self), "lineBytes must be valid UTF-8")
        #expect(line.unicodeScalars.contains("\u{FFFD}"))
        #expect(line.hasPrefix("订单"))
        #expect(line.hasSuffix("查询"))
        // Tokens and offsets refer to the repaired line.
        let texts = workspace.spans.map { span in
            String(decoding: workspace.lineBytes[workspace.utf8Offset(ofScalar: span.start)..<workspace.utf8Offset(ofScalar: span.end)], as: UTF8.self)
        }
        #expect(texts.first == "订单")
        #expect(texts.last == "查询")
        #expect(texts.joined().unicodeScalars.contains("\u{FFFD}"))
        #expect(workspace.utf8Offset(ofScalar: Int32(line.unicodeScalars.count)) == workspace.lineBytes.count)
    }

    @Test("the replacement is one token of its own, with offsets in the repaired line")
    func replacementToken() throws {
        let segmenter = try Shipped.segmenter()
        var workspace = SegmentationWorkspace()
        let bytes = Array("订单".utf8) + [0xFF] + Array("查询".utf8)
        #expect(!Self.segment(bytes, with: segmenter, in: &workspace))
        #expect(workspace.lineBytes == Array("订单".utf8) + Self.replacement + Array("查询".utf8))
        #expect(workspace.spans == [
            TokenSpan(start: 0, end: 2, kind: .word),
            TokenSpan(start: 2, end: 3, kind: .symbol),
            TokenSpan(start: 3, end: 5, kind: .word),
        ])
        #expect(workspace.utf8Offset(ofScalar: 3) == 9)
        #expect(workspace.utf8Offset(ofScalar: 5) == 15)
    }

    static let valid: [ByteCase] = [
        ByteCase("empty", []),
        ByteCase("ASCII", Array("hello 123".utf8)),
        ByteCase("Chinese", Array("订单查询".utf8)),
        ByteCase("emoji", Array("👍🏽👨‍👩‍👧".utf8)),
        ByteCase("largest scalar", [0xF4, 0x8F, 0xBF, 0xBF]),
        ByteCase("NUL byte", [0x61, 0x00, 0x62]),
        ByteCase("BOM", [0xEF, 0xBB, 0xBF, 0xE8, 0xAE, 0xA2]),
    ]

    @Test("valid UTF-8 is kept byte for byte", arguments: valid)
    func validBytes(_ input: ByteCase) throws {
        let segmenter = try Shipped.segmenter()
        var workspace = SegmentationWorkspace()
        #expect(Self.segment(input.bytes, with: segmenter, in: &workspace))
        #expect(workspace.lineBytes == input.bytes)
    }

    @Test("a workspace recovers after an invalid line")
    func recoveryAfterInvalidLine() throws {
        let segmenter = try Shipped.segmenter()
        var workspace = SegmentationWorkspace()
        #expect(!Self.segment(Array("订单".utf8) + [0xFF, 0xFE], with: segmenter, in: &workspace))
        #expect(Self.segment(Array("查询".utf8), with: segmenter, in: &workspace))
        #expect(workspace.lineBytes == Array("查询".utf8))
        #expect(workspace.spans == [TokenSpan(start: 0, end: 2, kind: .word)])
    }

    @Test("empty and blank lines give no tokens", arguments: ["", " ", "\t\t", "\u{3000}\u{A0}\u{200B}\u{FEFF}", "\u{0}\u{7}\u{1B}\u{7F}"])
    func noTokens(line: String) throws {
        let segmenter = try Shipped.segmenter()
        #expect(segmenter.tokenize(line).isEmpty)
        var workspace = SegmentationWorkspace()
        #expect(Self.segment(Array(line.utf8), with: segmenter, in: &workspace))
        #expect(workspace.spans.isEmpty)
    }

    @Test("control and format characters separate tokens and are dropped")
    func controlCharacters() throws {
        let tokens = try Shipped.segmenter().tokenize("\u{0}订单\u{7}查询\u{1B}")
        #expect(tokens.map(\.text) == ["订单", "查询"])
        #expect(tokens.map(\.scalarRange) == [1..<3, 4..<6])
        #expect(tokens.map(\.utf8Range) == [1..<7, 8..<14])

        let bom = try Shipped.segmenter().tokenize("\u{FEFF}订单")
        #expect(bom.map(\.text) == ["订单"])
        #expect(bom.first?.scalarRange == 1..<3)
        #expect(bom.first?.utf8Range == 3..<9)
    }

    @Test("a combining mark with nothing to attach to is a symbol of its own")
    func strayMark() throws {
        let tokens = try Shipped.segmenter().tokenize("\u{301}abc \u{301}")
        #expect(tokens.map(\.text) == ["\u{301}", "abc", "\u{301}"])
        #expect(tokens.map(\.kind) == [.symbol, .latin, .symbol])
        #expect(tokens.map(\.scalarRange) == [0..<1, 1..<4, 5..<6])
    }

    @Test("a line of a megabyte is cut completely")
    func megabyteLine() throws {
        let sentence = "他来到了网易杭研大厦，买了iPhone15和3,200元的T恤👍🏽 联系13812345678！"
        let repeats = (1 << 20) / sentence.utf8.count + 1
        let bytes = Array(String(repeating: sentence, count: repeats).utf8)
        #expect(bytes.count > 1 << 20)
        let segmenter = try Shipped.segmenter()
        var workspace = SegmentationWorkspace()
        let valid = Self.segment(bytes, with: segmenter, in: &workspace)
        #expect(valid)

        // The tokens, put together, are the line without its spaces; in order, never overlapping.
        var joined: [UInt8] = []
        joined.reserveCapacity(bytes.count)
        var previousEnd: Int32 = 0
        var ordered = true
        for span in workspace.spans {
            ordered = ordered && span.start >= previousEnd && span.end > span.start
            previousEnd = span.end
            joined += workspace.lineBytes[workspace.utf8Offset(ofScalar: span.start)..<workspace.utf8Offset(ofScalar: span.end)]
        }
        #expect(ordered)
        let withoutSpaces = bytes.filter { $0 != UInt8(ascii: " ") }
        let same = joined == withoutSpaces
        #expect(same, "the tokens spell \(joined.count) bytes where the line without spaces has \(withoutSpaces.count)")

        // The sentence is cut the same way every time it repeats.
        let once = segmenter.tokenize(sentence)
        #expect(workspace.spans.count == once.count * repeats)
        #expect(once.map(\.text) == ["他", "来到", "了", "网易", "杭研", "大厦", "，", "买", "了", "iPhone15", "和", "3,200", "元",
                                     "的", "T恤", "👍🏽", "联系", "13812345678", "！"])
    }
}
