/// Reading `text<TAB>label` files: the header rule, line ends, blank lines and errors that name
/// the file and line.
import ChatCore
import IntentMatching
import Testing

@Suite("Evaluation files")
struct EvaluationFileTests {
    private func parse(_ text: String) throws(TSVFileError) -> [LabeledText] {
        try LabeledTextFile.parse(Array(text.utf8), source: "train.tsv")
    }

    @Test("lines of text<TAB>label")
    func plain() throws {
        #expect(try parse("我的快递怎么还没到\torder_status\n帮我退货\treturn\n") == [
            LabeledText(text: "我的快递怎么还没到", label: "order_status"), LabeledText(text: "帮我退货", label: "return"),
        ])
    }

    @Test("a first line whose last column is a column name is a header", arguments: ["text\tlabel", "query\tLabel", "question\tintent", "q\tfaq_id"])
    func header(first: String) throws {
        #expect(try parse("\(first)\n运费多少\tshipping\n") == [LabeledText(text: "运费多少", label: "shipping")])
    }

    @Test("only the first line can be a header")
    func headerOnlyFirst() throws {
        #expect(try parse("运费多少\tshipping\ntext\tlabel\n").map(\.label) == ["shipping", "label"])
    }

    @Test("CRLF, a byte-order mark, blank lines and a last line without a line break")
    func lineEnds() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("text\tlabel\r\n你好\tgreet\r\n\r\n   \nbye\tgoodbye".utf8)
        #expect(try LabeledTextFile.parse(bytes, source: "x.tsv") == [
            LabeledText(text: "你好", label: "greet"), LabeledText(text: "bye", label: "goodbye"),
        ])
    }

    @Test("errors name the file, the line and what to fix", arguments: [
        ("a\tx\nno tab here\n", 2, "no tab"),
        ("a\tx\nb\t\n", 2, "empty label"),
        ("\tx\n", 1, "empty text"),
        ("a\tx\nb\tc\td\n", 2, "3 columns"),
    ])
    func errors(text: String, line: Int, problem: String) {
        #expect {
            _ = try parse(text)
        } throws: { error in
            guard let error = error as? TSVFileError else { return false }
            return error.line == line && error.problem.contains(problem) && error.description.hasPrefix("train.tsv:\(line): ")
        }
    }

    @Test("invalid UTF-8 is an error on its line")
    func invalidUTF8() {
        let bytes = Array("好\tgood\n".utf8) + [0xE5, 0xA5, 0x09] + Array("bad\n".utf8)
        #expect(throws: TSVFileError(source: "t.tsv", line: 2, problem: "invalid UTF-8; save the file as UTF-8")) {
            try LabeledTextFile.parse(bytes, source: "t.tsv")
        }
    }

    @Test("a file with no examples is an error", arguments: ["", "text\tlabel\n", "\n\n"])
    func noExamples(text: String) {
        #expect(throws: TSVFileError.self) { try parse(text) }
    }
}
