/// The readers of `kefu eval faq`'s files: header rule, CRLF, byte-order mark, blank lines, and
/// errors that name the file and line.
import ChatCore
import Retrieval
import Testing

@Suite("FAQ, query, distractor and pair files")
struct FAQFilesTests {
    @Test("an FAQ file groups paraphrases by id, in first-appearance order; CRLF, BOM and header handled")
    func entries() throws {
        let text = "\u{FEFF}faq_id\tquestion\r\nship\t什么时候发货\r\nfee\t运费怎么算\r\n\r\nship\t 多久能发货 \r\n"
        let entries = try FAQFiles.entries(Array(text.utf8), source: "faq.tsv")
        #expect(entries == [
            KnowledgeBaseEntry(id: "ship", questions: ["什么时候发货", "多久能发货"]),
            KnowledgeBaseEntry(id: "fee", questions: ["运费怎么算"]),
        ])
    }

    @Test("a first line is a header only when its last column is a column name", arguments: [
        ("faq_id\tquestion\na\t问题\n", 1),
        ("ID\tQuestion\na\t问题\n", 1),
        ("a\t问题\nb\t另一个问题\n", 2),
        ("a\t问题\nfaq_id\tquestion\n", 2),   // only line 1 can be a header
    ])
    func header(text: String, count: Int) throws {
        #expect(try FAQFiles.entries(Array(text.utf8), source: "faq.tsv").count == count)
    }

    @Test("queries must name an FAQ id")
    func queries() throws {
        let text = "query\tfaq_id\n怎么还没发货\tship\r\n运费多少\tfee\n"
        let queries = try FAQFiles.queries(Array(text.utf8), source: "q.tsv", knownIDs: ["ship", "fee"])
        #expect(queries == [FAQQuery(text: "怎么还没发货", faqID: "ship", line: 2), FAQQuery(text: "运费多少", faqID: "fee", line: 3)])
        #expect(throws: TSVFileError(source: "q.tsv", line: 3,
                                     problem: "faq_id fee is not in the FAQ file; every query's answer must be an entry")) {
            try FAQFiles.queries(Array(text.utf8), source: "q.tsv", knownIDs: ["ship"])
        }
    }

    @Test("distractors are one question a line, with an optional `question` header")
    func distractors() throws {
        #expect(try FAQFiles.questions(Array("question\n发货地址能改吗\n\n几点下班\r\n".utf8), source: "d.tsv")
                == ["发货地址能改吗", "几点下班"])
        #expect(try FAQFiles.questions(Array("发货地址能改吗\n".utf8), source: "d.tsv") == ["发货地址能改吗"])
    }

    @Test("question pairs: labels 0 and 1, header `…<TAB>label` skipped")
    func pairs() throws {
        let text = "sentence1\tsentence2\tlabel\n花呗分期出账\t花呗啥时候分期\t1\n借呗开通\t花呗分期\t0\n"
        #expect(try FAQFiles.pairs(Array(text.utf8), source: "p.tsv") == [
            QuestionPair(first: "花呗分期出账", second: "花呗啥时候分期", sameMeaning: true),
            QuestionPair(first: "借呗开通", second: "花呗分期", sameMeaning: false),
        ])
    }

    @Test("bad lines are errors with file, line and what to fix", arguments: [
        ("faq", "faq_id\tquestion\na\t问题\nno tab here\n", "f.tsv:3: no tab; write `faq_id<TAB>question`"),
        ("faq", "a\t问题\nb\t\n", "f.tsv:2: empty question; write `faq_id<TAB>question`"),
        ("faq", "a\t问题\tx\n", "f.tsv:1: 3 columns; write `faq_id<TAB>question` (a text cannot contain a tab)"),
        ("faq", "faq_id\tquestion\n\n", "f.tsv: holds no lines; write one `faq_id<TAB>question` a line"),
        ("faq", "", "f.tsv: holds no lines; write one `faq_id<TAB>question` a line"),
        ("queries", "q\tship\n\tship\n", "f.tsv:2: empty query; write `query<TAB>faq_id`"),
        ("distractors", "问题\n问题\t多余\n", "f.tsv:2: 2 columns; write one question a line, without tabs"),
        ("pairs", "a\tb\t1\r\na\tb\tyes\r\n", "f.tsv:2: label yes is not 0 or 1; write 1 for the same meaning, 0 otherwise"),
        ("pairs", "a\tb\n", "f.tsv:1: 2 columns; write `sentence1<TAB>sentence2<TAB>label`"),
    ])
    func errors(kind: String, text: String, message: String) {
        let bytes = Array(text.utf8)
        do {
            switch kind {
            case "faq": _ = try FAQFiles.entries(bytes, source: "f.tsv")
            case "queries": _ = try FAQFiles.queries(bytes, source: "f.tsv", knownIDs: ["ship"])
            case "distractors": _ = try FAQFiles.questions(bytes, source: "f.tsv")
            default: _ = try FAQFiles.pairs(bytes, source: "f.tsv")
            }
            Issue.record("no error for \(text.debugDescription)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("invalid UTF-8 names its line")
    func invalidUTF8() {
        let bytes = Array("a\t问题\n".utf8) + [0x62, 0x09, 0xFF, 0xFE, 0x0A]
        #expect(throws: TSVFileError(source: "f.tsv", line: 2, problem: "invalid UTF-8; save the file as UTF-8")) {
            try FAQFiles.entries(bytes, source: "f.tsv")
        }
    }
}
