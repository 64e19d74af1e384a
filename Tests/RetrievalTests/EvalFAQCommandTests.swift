/// `kefu eval faq` as a user runs it: the built executable on a tiny FAQ, its JSON and text output,
/// and exit status 2 with one line on standard error for files it cannot use.
import Foundation
import KefuTestSupport
import Testing

@Suite("kefu eval faq", .enabled(if: Kefu.path != nil, "the kefu executable was not built next to the test binary; run `swift build` first"))
struct EvalFAQCommandTests {
    static let faq = """
        faq_id\tquestion
        ship\t什么时候发货
        ship\t多久能发货
        fee\t运费怎么算
        fee\t包邮吗
        return\t怎么退货

        """
    static let queries = "query\tfaq_id\r\n发货要多久\tship\r\n运费多少钱\tfee\r\n我要退货\treturn\r\n满多少包邮\tfee\r\n"
    static let distractors = "question\n发货地址能改吗\n你们几点下班\n"
    static let pairs = "花呗分期出账\t花呗啥时候分期\t1\n借呗开通\t花呗分期\t0\n"

    /// Runs `kefu eval faq` on fixture files (with `files` replacing any of them) plus `arguments`.
    private func evaluate(_ arguments: [String], files: [String: String] = [:], in folder: ScratchDirectory) throws -> Kefu.Result {
        var paths: [String: String] = [:]
        for (name, text) in ["faq.tsv": Self.faq, "queries.tsv": Self.queries, "distractors.tsv": Self.distractors,
                             "pairs.tsv": Self.pairs].merging(files, uniquingKeysWith: { $1 }) {
            paths[name] = try folder.write(name, Array(text.utf8))
        }
        let resolved = arguments.map { paths[$0] ?? $0 }
        return try Kefu.run(["eval", "faq"] + resolved, input: "")
    }

    @Test("--json prints one object with the contract's keys and counts; the ranker is the trained re-ranker")
    func json() throws {
        let folder = try ScratchDirectory()
        defer { folder.remove() }
        let result = try evaluate(["--faq", "faq.tsv", "--queries", "queries.tsv", "--distractors", "distractors.tsv",
                                   "--train-pairs", "pairs.tsv", "--train-pairs", "pairs.tsv", "--json"], in: folder)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.isEmpty)
        #expect(result.text.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output)) as? [String: Any])
        for method in ["bm25", "ranker"] {
            let measures = try #require(object[method] as? [String: Any], "\(method)")
            for key in ["p_at_1", "mrr_at_10", "r_at_5", "ms_per_query", "p50_ms", "p99_ms", "cpu_p50_ms", "cpu_p99_ms"] {
                let value = try #require(measures[key] as? Double, "\(method).\(key)")
                #expect(value >= 0 && (key.hasSuffix("ms") || key == "ms_per_query" || value <= 1))
            }
            #expect(measures["method"] as? String == (method == "bm25" ? "bm25" : "gru-attention"))
        }
        let bm25 = try #require(object["bm25"] as? [String: Any])
        #expect(bm25["p_at_1"] as? Double == 1, "each fixture query finds its entry first")
        #expect(try #require(object["train_seconds"] as? Double) >= 0)
        #expect(object["queries"] as? Int == 4)
        #expect(object["entries"] as? Int == 3)
        #expect(object["questions"] as? Int == 5)
        #expect(object["distractors"] as? Int == 2)
        #expect(object["train_pairs"] as? Int == 4)
        #expect(object["note"] == nil)
    }

    @Test("the readable report: a table of both methods, the ranker trained on the FAQ's own paraphrases")
    func text() throws {
        let folder = try ScratchDirectory()
        defer { folder.remove() }
        let result = try evaluate(["--faq", "faq.tsv", "--queries", "queries.tsv"], in: folder)
        #expect(result.status == 0, "\(result.error)")
        let lines = result.text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("FAQ retrieval: 4 queries") == true)
        #expect(lines.contains { $0.hasPrefix("bm25    1.0000  1.0000  1.0000") })
        #expect(lines.contains { $0.hasPrefix("ranker") && $0.hasSuffix("(gru-attention)") })
        #expect(!lines.contains { $0.hasPrefix("note:") })
    }

    @Test("with nothing to learn from (one question an entry, no pairs) the ranker is BM25 alone and says so")
    func nothingToLearn() throws {
        let folder = try ScratchDirectory()
        defer { folder.remove() }
        let result = try evaluate(["--faq", "faq.tsv", "--queries", "queries.tsv"],
                                  files: ["faq.tsv": "ship\t什么时候发货\nfee\t运费怎么算\nreturn\t怎么退货\n",
                                          "queries.tsv": "发货要多久\tship\n运费多少钱\tfee\n"], in: folder)
        #expect(result.status == 0, "\(result.error)")
        let lines = result.text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("ranker") && $0.hasSuffix("(bm25)") })
        #expect(lines.contains { $0.hasPrefix("note: the ranker is BM25 alone (nothing to train") })
    }

    @Test("files it cannot use: exit 2 and one line on standard error naming file and line", arguments: [
        (["--faq", "missing.tsv", "--queries", "queries.tsv"], [String: String](), "missing.tsv: no such file"),
        (["--faq", "faq.tsv", "--queries", "queries.tsv"], ["queries.tsv": "query\tfaq_id\n好\tship\n坏的一行\n"],
         "queries.tsv:3: no tab; write `query<TAB>faq_id`"),
        (["--faq", "faq.tsv", "--queries", "queries.tsv"], ["queries.tsv": "问\tnope\n"],
         "queries.tsv:1: faq_id nope is not in the FAQ file"),
        (["--faq", "faq.tsv", "--queries", "queries.tsv", "--train-pairs", "pairs.tsv"], ["pairs.tsv": "a\tb\t1\na\tb\t2\n"],
         "pairs.tsv:2: label 2 is not 0 or 1"),
        (["--faq", "faq.tsv", "--queries", "queries.tsv", "--distractors", "distractors.tsv"], ["distractors.tsv": "\n"],
         "distractors.tsv: holds no lines"),
        (["--faq", "faq.tsv"], [String: String](), "Missing expected argument '--queries <file>'"),
    ])
    func badInput(arguments: [String], files: [String: String], message: String) throws {
        let folder = try ScratchDirectory()
        defer { folder.remove() }
        let result = try evaluate(arguments, files: files, in: folder)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error.contains(message), "\(result.error)")
        if !message.hasPrefix("Missing") {
            #expect(result.error.filter { $0 == "\n" }.count == 1, "one line: \(result.error)")
        }
    }
}
