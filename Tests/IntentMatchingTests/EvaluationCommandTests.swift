/// `kefu eval intents` as a user runs it: the built executable on a tiny fixture, its JSON and
/// text output, the report folder, and exit status 2 with one line on standard error for files it
/// cannot use.
import Foundation
import KefuTestSupport
import Testing

@Suite("kefu eval intents", .enabled(if: Kefu.path != nil, "the kefu executable was not built next to the test binary; run `swift build` first"))
struct EvaluationCommandTests {
    static let train = """
        text\tlabel
        我的快递到哪了\torder_status
        快递怎么还没到\torder_status
        帮我查一下物流\torder_status
        订单什么时候发货\torder_status
        我要退货\treturn_request
        这个怎么退货\treturn_request
        退货流程是什么\treturn_request
        衣服不合适想退\treturn_request
        你好\tgreet
        您好在吗\tgreet
        hello\tgreet
        hi there\tgreet
        今天天气怎么样\toos
        给我讲个笑话\toos

        """
    static let test = "text\tlabel\r\n物流到哪了\torder_status\r\n我想退货\treturn_request\r\n在吗你好\tgreet\r\n明天会下雨吗\toos\r\n"

    /// Runs `kefu eval intents` on the fixture files plus `arguments`, in a scratch folder.
    private func evaluate(_ arguments: [String], in folder: ScratchDirectory) throws -> Kefu.Result {
        let train = try folder.write("train.tsv", Array(Self.train.utf8))
        let test = try folder.write("test.tsv", Array(Self.test.utf8))
        return try Kefu.run(["eval", "intents", "--train", train, "--test", test] + arguments, input: "")
    }

    @Test("--json prints one object with the contract's keys; training twice gives the same model hash")
    func json() throws {
        let folder = try ScratchDirectory()
        defer { folder.remove() }
        let first = try evaluate(["--json", "--oos-label", "oos"], in: folder)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.error.isEmpty, "no progress bar when standard error is a pipe")
        #expect(first.text.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.output)) as? [String: Any])
        for key in ["accuracy", "macro_f1", "train_seconds", "predict_us_per_query", "in_scope_accuracy", "oos_recall"] {
            let value = try #require(object[key] as? Double, "\(key)")
            #expect(value >= 0)
        }
        #expect(object["test_count"] as? Int == 4)
        #expect(object["train_count"] as? Int == 14)
        let hash = try #require(object["model_hash"] as? String)
        #expect(!hash.isEmpty)
        let second = try evaluate(["--json", "--oos-label", "oos"], in: folder)
        let again = try #require(try JSONSerialization.jsonObject(with: Data(second.output)) as? [String: Any])
        #expect(again["model_hash"] as? String == hash)
    }

    @Test("the readable report and --report DIR with its three files")
    func reportFolder() throws {
        let folder = try ScratchDirectory()
        defer { folder.remove() }
        let result = try evaluate(["--oos-label", "oos", "--report", folder.path("out/nested")], in: folder)
        #expect(result.status == 0, "\(result.error)")
        for phrase in ["accuracy", "macro-F1", "in-scope accuracy", "OOS recall", "µs per query", "model hash", "return_request"] {
            #expect(result.text.contains(phrase), "\(phrase)")
        }
        let json = try #require(FileManager.default.contents(atPath: folder.path("out/nested/report.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect((object["per_intent"] as? [Any])?.isEmpty == false)
        let errors = try #require(FileManager.default.contents(atPath: folder.path("out/nested/errors.tsv")))
        #expect(String(decoding: errors, as: UTF8.self).hasPrefix("text\tgold\tpredicted\tconfidence\n"))
        let svg = try #require(FileManager.default.contents(atPath: folder.path("out/nested/confusion.svg")))
        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
    }

    @Test("a bot folder trains with its examples and dictionary and can be the test side too")
    func botFolder() throws {
        let folder = try ScratchDirectory()
        defer { folder.remove() }
        let bot = try FixtureBot.write(into: folder)
        let test = try folder.write("test.tsv", Array("物流到哪了\torder_status\n快递在哪\torder_status\n我想退货\treturn_request\n退掉这件衣服\treturn_request\n在吗你好\tgreeting\nhello\tgreeting\n".utf8))
        let trained = try Kefu.run(["eval", "intents", "--train", bot, "--test", test, "--json"], input: "")
        #expect(trained.status == 0, "\(trained.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(trained.output)) as? [String: Any])
        #expect(object["train_count"] as? Int == 24)
        #expect(object["intent_count"] as? Int == 3)
        #expect(object["accuracy"] as? Double == 1)

        let scored = try Kefu.run(["eval", "intents", "--train", test, "--test", bot, "--json"], input: "")
        #expect(scored.status == 0, "\(scored.error)")
        let reversed = try #require(try JSONSerialization.jsonObject(with: Data(scored.output)) as? [String: Any])
        #expect(reversed["test_count"] as? Int == 24)
    }

    @Test("a missing file, a folder that is no bot or a bad line: exit 2 and one line that says what to fix")
    func unusableInput() throws {
        let folder = try ScratchDirectory()
        defer { folder.remove() }
        let good = try folder.write("good.tsv", Array(Self.train.utf8))
        let bad = try folder.write("bad.tsv", Array("你好\tgreet\n没有标签\n".utf8))
        let cases: [([String], String)] = [
            (["--train", folder.path("missing.tsv"), "--test", good], "missing.tsv: no such file"),
            (["--train", folder.url.path, "--test", good], "not a bot folder"),
            (["--train", good, "--test", bad], "bad.tsv:2: no tab"),
            (["--train", good], "--test"),
        ]
        for (arguments, message) in cases {
            let result = try Kefu.run(["eval", "intents"] + arguments, input: "")
            #expect(result.status == 2, "\(arguments)")
            #expect(result.output.isEmpty)
            #expect(result.error.contains(message), "\(result.error)")
            if !arguments.contains(where: { $0 == "--test" }) { continue }
            #expect(result.error.filter { $0 == "\n" }.count == 1, "one line: \(result.error)")
        }
    }
}
