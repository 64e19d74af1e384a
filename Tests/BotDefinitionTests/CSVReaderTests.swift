import BotDefinition
import Testing

@Suite("CSV reader (RFC 4180)") struct CSVReaderTests {
    private func records(_ text: String) throws -> [CSVReader.Record] {
        try CSVReader.records(in: Array(text.utf8))
    }

    private func fields(_ text: String) throws -> [[String]] {
        try records(text).map(\.fields)
    }

    @Test("rows and fields", arguments: [
        ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
        ("a,b\n1,2", [["a", "b"], ["1", "2"]]),                                 // no final line break
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),                           // CRLF
        ("\u{FEFF}订单号,状态\n1,已发货\n", [["订单号", "状态"], ["1", "已发货"]]),   // byte-order mark
        ("a,,c\n,,\n", [["a", "", "c"], ["", "", ""]]),                         // empty fields
        ("a\n\n\nb\n", [["a"], ["b"]]),                                         // blank lines skipped
        ("\"顺丰，单号 SF1\",x\n", [["顺丰，单号 SF1", "x"]]),                     // comma in quotes
        ("\"他说\"\"好\"\"\",y\n", [["他说\"好\"", "y"]]),                        // doubled quotes
        ("\"line 1\nline 2\",z\n", [["line 1\nline 2", "z"]]),                   // line break in quotes
        ("\"\",b\n", [["", "b"]]),                                              // quoted empty field
        ("\"\"\n", [[""]]),                                                     // a record of one quoted empty field
        (" a , b \n", [[" a ", " b "]]),                                        // spaces belong to the field
    ])
    func parses(_ text: String, _ expected: [[String]]) throws {
        #expect(try fields(text) == expected)
    }

    @Test func recordsKnowTheirLines() throws {
        let parsed = try records("h1,h2\n\"multi\nline\",1\n\nlast,2\r\n")
        #expect(parsed.map(\.line) == [1, 2, 5])
    }

    @Test("malformed quoting names the line", arguments: [
        ("a,b\n\"never closed,1\n", 2, "never closed"),
        ("a,b\nsay \"hi\",1\n", 2, "inside an unquoted field"),
        ("a,b\n\"x\"y,1\n", 2, "text after a closing quote"),
        ("a\n\"1\n2\n3\"z\n", 4, "text after a closing quote"),
    ])
    func malformed(_ text: String, _ line: Int, _ phrase: String) throws {
        #expect {
            _ = try records(text)
        } throws: { error in
            guard let error = error as? CSVError else { return false }
            return error.line == line && error.problem.contains(phrase)
        }
    }
}
