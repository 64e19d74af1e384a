/// `kefu tokenize` as a user runs it: the built executable in a subprocess, lines on standard input,
/// spaced tokens or JSON offsets on standard output, warnings and errors on standard error, and
/// the exit statuses of the command-line contract.
import Foundation
import KefuTestSupport
import Testing

@Suite("Command line", .enabled(if: Kefu.path != nil, "the kefu executable was not built next to the test binary; run `swift build` first"))
struct CommandLineTests {
    @Test("spaced tokens, one output line per input line")
    func spacedOutput() throws {
        let result = try Kefu.run(["tokenize"], input: "永和服装饰品有限公司\n联系13812345678，满3,200元打12.5%折👍🏽\n")
        #expect(result.status == 0)
        #expect(result.text == "永和 服装 饰品 有限公司\n联系 13812345678 ， 满 3,200 元 打 12.5% 折 👍🏽\n")
        #expect(result.error.isEmpty)
    }

    @Test("--offsets writes one JSON array per line, offsets in scalars")
    func offsetsExact() throws {
        let result = try Kefu.run(["tokenize", "--offsets"], input: "查订单\n订单号A123B\n")
        #expect(result.status == 0)
        #expect(result.text == """
            [{"text":"查","start":0,"end":1},{"text":"订单","start":1,"end":3}]
            [{"text":"订单号","start":0,"end":3},{"text":"A123B","start":3,"end":8}]

            """)
    }

    @Test("--offsets output parses as JSON and matches the input")
    func offsetsParse() throws {
        let lines = ["帮我查一下订单20241105123456，发到li.wei@example.com", "say \"hi\" \\ 👨‍👩‍👧 ＦＩＬＡ", "", "  空格  "]
        let result = try Kefu.run(["tokenize", "--offsets", "--kinds"], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        let outputLines = result.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(outputLines.count == lines.count)
        for (line, json) in zip(lines, outputLines) {
            let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], "\(json)")
            let scalars = Array(line.unicodeScalars)
            var joined = ""
            for object in array {
                let text = try #require(object["text"] as? String)
                let start = try #require(object["start"] as? Int), end = try #require(object["end"] as? Int)
                let kind = try #require(object["kind"] as? String)
                #expect(["word", "latin", "number", "phone", "email", "url", "punct", "symbol", "emoji", "other"].contains(kind))
                try #require(0 <= start && start < end && end <= scalars.count)
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: scalars[start..<end])
                #expect(Array(text.unicodeScalars) == Array(slice))
                joined += text
            }
            #expect(Array(joined.unicodeScalars) == Array(withoutDropped(line).unicodeScalars))
        }
    }

    @Test("--kinds names each token's kind")
    func kinds() throws {
        let result = try Kefu.run(["tokenize", "--offsets", "--kinds"], input: "发到li.wei@example.com！")
        #expect(result.text == #"[{"text":"发到","start":0,"end":2,"kind":"word"},{"text":"li.wei@example.com","start":2,"end":20,"kind":"email"},{"text":"！","start":20,"end":21,"kind":"punct"}]"# + "\n")
    }

    @Test("--kinds without --offsets is a usage error")
    func kindsAlone() throws {
        let result = try Kefu.run(["tokenize", "--kinds"], input: "订单\n")
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("--offsets"))
    }

    @Test("--no-hmm leaves unknown characters alone")
    func noHMM() throws {
        let on = try Kefu.run(["tokenize"], input: "他来到了网易杭研大厦\n")
        let off = try Kefu.run(["tokenize", "--no-hmm"], input: "他来到了网易杭研大厦\n")
        #expect(on.text == "他 来到 了 网易 杭研 大厦\n")
        #expect(off.text == "他 来到 了 网易 杭 研 大厦\n")
        #expect(off.status == 0)
    }

    @Test("--dict adds user words; later files win")
    func userDictionary() throws {
        let first = try Kefu.temporaryFile(named: "first.txt", contents: Array("# 客服\n退货运费险\n有限公司 0\n".utf8))
        let second = try Kefu.temporaryFile(named: "second.txt", contents: [0xEF, 0xBB, 0xBF] + Array("有限公司 100000 n\r\n".utf8))
        defer { Kefu.remove(first); Kefu.remove(second) }
        let input = "退货运费险怎么买\n永和服装饰品有限公司\n"
        let one = try Kefu.run(["tokenize", "--dict", first], input: input)
        #expect(one.status == 0)
        #expect(one.text == "退货运费险 怎么 买\n永和 服装 饰品 有限 公司\n")
        let both = try Kefu.run(["tokenize", "--dict", first, "--dict", second], input: input)
        #expect(both.text == "退货运费险 怎么 买\n永和 服装 饰品 有限公司\n")
    }

    @Test("a bad --dict file stops with status 2 and names file:line", arguments: [
        ("好词 9\n坏词 abc n\n", 2), ("好词\n\n坏词 -3\n", 3), ("a 1 n x\n", 1),
    ])
    func badDictionary(contents: String, line: Int) throws {
        let path = try Kefu.temporaryFile(named: "bad.txt", contents: Array(contents.utf8))
        defer { Kefu.remove(path) }
        let result = try Kefu.run(["tokenize", "--dict", path], input: "订单\n")
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("\(path):\(line): "), "\(result.error)")
    }

    @Test("a missing --dict file stops with status 2 and names the file")
    func missingDictionary() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kefu-missing-\(UUID().uuidString).txt").path
        let result = try Kefu.run(["tokenize", "--dict", path], input: "订单\n")
        #expect(result.status == 2)
        #expect(result.error.contains(path))
    }

    @Test("CRLF line ends leave no carriage return")
    func crlf() throws {
        let result = try Kefu.run(["tokenize"], input: "订单\r\n查询 A123B\r\n")
        #expect(result.text == "订单\n查询 A123B\n")
        #expect(!result.output.contains(0x0D))
        let json = try Kefu.run(["tokenize", "--offsets"], input: "订单\r\n")
        #expect(json.text == #"[{"text":"订单","start":0,"end":2}]"# + "\n")
    }

    @Test("empty and blank lines give empty output lines")
    func emptyLines() throws {
        let result = try Kefu.run(["tokenize"], input: "\n订单\n\n  \t \n查询\n")
        #expect(result.text == "\n订单\n\n\n查询\n")
        let json = try Kefu.run(["tokenize", "--offsets"], input: "\n\n")
        #expect(json.text == "[]\n[]\n")
        let nothing = try Kefu.run(["tokenize"], input: "")
        #expect(nothing.status == 0)
        #expect(nothing.output.isEmpty)
    }

    @Test("a last line without a line break still gets its output")
    func lastLineWithoutNewline() throws {
        let result = try Kefu.run(["tokenize"], input: "订单\n查询")
        #expect(result.text == "订单\n查询\n")
    }

    @Test("invalid UTF-8 becomes U+FFFD with one warning naming the line")
    func invalidUTF8() throws {
        let input = Array("订单\n".utf8) + Array("查".utf8) + [0xFF, 0xFE] + Array("询\n快递\n".utf8)
        let result = try Kefu.run(["tokenize"], input: input)
        #expect(result.status == 0)
        let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines.first == "订单")
        #expect(lines.count > 1 && lines[1].unicodeScalars.contains("\u{FFFD}"))
        #expect(lines.count > 2 && lines[2] == "快递")
        let warnings = result.error.split(separator: "\n")
        #expect(warnings.count == 1, "\(result.error)")
        #expect(warnings.first?.contains("line 2") == true, "\(result.error)")
        #expect(result.error.contains("U+FFFD"))
    }

    @Test("one output line per input line, whatever the lines hold")
    func lineCount() throws {
        let lines = PropertyTests.handWritten.filter { !$0.contains("\n") && !$0.contains("\r") && !$0.contains("\u{2028}") }
            + PropertyTests.generated.prefix(50).filter { !$0.contains("\n") && !$0.contains("\r") }
        let result = try Kefu.run(["tokenize"], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        let outputLines = result.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(outputLines.count == lines.count + 1)
        #expect(outputLines.last == "")
    }

    @Test("a long input streams through without deadlock")
    func longInput() throws {
        let line = "帮我查一下订单20241105123456，发到li.wei@example.com 👍🏽"
        let count = 3_000
        let result = try Kefu.run(["tokenize"], input: String(repeating: line + "\n", count: count))
        #expect(result.status == 0)
        let outputLines = result.text.split(separator: "\n")
        #expect(outputLines.count == count)
        #expect(Set(outputLines).count == 1)
    }
}
