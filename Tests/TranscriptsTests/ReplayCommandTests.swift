import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KefuTestSupport
import Testing
import Transcripts

/// `kefu replay` as a user runs it: the closing line, exit statuses, `--filter`, `--junit`, a
/// transcript's own `bot:`, and invalid files.
@Suite(.serialized) struct ReplayCommandTests {
    /// A scratch folder with `transcripts/pass.yml` and `transcripts/fail.yml` for the shop bot.
    static func suite() throws -> (ScratchDirectory, String) {
        _ = Shop.engine   // trains and caches the model once, so the subprocesses only load it
        let directory = try ScratchDirectory()
        let transcripts = directory.path("transcripts")
        try FileManager.default.createDirectory(atPath: transcripts + "/more", withIntermediateDirectories: true)
        _ = try directory.write("transcripts/pass.yml", Array(ReplayTests.passing.utf8))
        _ = try directory.write("transcripts/more/fail.yml", Array(ReplayTests.failing.utf8))
        return (directory, transcripts)
    }

    @Test func exitStatusAndClosingLine() throws {
        let (directory, transcripts) = try Self.suite()
        defer { directory.remove() }
        let both = try Shop.replay(transcripts)
        #expect(both.status == 1, "\(both.error)")
        #expect(both.text.hasSuffix("\n1 passed, 1 failed\n"))
        #expect(both.text.hasPrefix("FAIL 查订单-必须失败 (\(transcripts)/more/fail.yml): 2 of 3 turns failed"))
        #expect(both.text.contains("  turn 2 (\(transcripts)/more/fail.yml:6): user \"20241105123456\"\n"))

        let good = try Shop.replay(transcripts + "/pass.yml")
        #expect(good.status == 0, "\(good.error)")
        #expect(good.text == "1 passed, 0 failed\n")
    }

    @Test func filterKeepsNamesAndPathsContainingTheText() throws {
        let (directory, transcripts) = try Self.suite()
        defer { directory.remove() }
        let byName = try Shop.replay(transcripts, ["--filter", "必须失败"])
        #expect(byName.status == 1)
        #expect(byName.text.hasSuffix("\n0 passed, 1 failed\n"))
        let byPath = try Shop.replay(transcripts, ["--filter", "pass.yml"])
        #expect(byPath.status == 0)
        #expect(byPath.text == "1 passed, 0 failed\n")
        let none = try Shop.replay(transcripts, ["--filter", "没有这个"])
        #expect(none.status == 2)
        #expect(none.error.contains("no transcript's name or file path contains '没有这个'"))
    }

    @Test func badUsageAndInvalidFilesExitWithTwo() throws {
        let (directory, transcripts) = try Self.suite()
        defer { directory.remove() }
        let missing = try Shop.replay(directory.path("nope"))
        #expect(missing.status == 2)
        #expect(missing.error.contains("\(directory.path("nope")): no such file or folder"))
        #expect(missing.text.isEmpty)

        let empty = directory.path("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let nothing = try Shop.replay(empty)
        #expect(nothing.status == 2)
        #expect(nothing.error.contains("no transcript files"))

        // An invalid file is listed with file and line; the others are still replayed and counted.
        _ = try directory.write("transcripts/broken.yml", Array("turns:\n  - user: 你好\n    replly: 您好\n".utf8))
        let invalid = try Shop.replay(transcripts)
        #expect(invalid.status == 2)
        #expect(invalid.error.contains("\(transcripts)/broken.yml:3:5: unknown key 'replly' in turn 1; did you mean 'reply'?"))
        #expect(invalid.error.contains("1 transcript file(s) could not be replayed"))
        #expect(invalid.text.hasSuffix("\n1 passed, 1 failed\n"))

        let badBot = try Kefu.run(["replay", transcripts + "/pass.yml", "--bot", directory.path("no-bot")], input: "")
        #expect(badBot.status == 2)
        #expect(badBot.error.contains("cannot load the bot folder"))
    }

    @Test func aTranscriptsOwnBotOverridesTheOption() throws {
        let (directory, _) = try Self.suite()
        defer { directory.remove() }
        try FileManager.default.copyItem(atPath: Shop.folder, toPath: directory.path("own-bot"))   // with its model cache
        let yaml = ReplayTests.passing.replacingOccurrences(of: "name: 查订单\n", with: "name: 查订单\nbot: ../own-bot\n")
        try FileManager.default.createDirectory(atPath: directory.path("elsewhere"), withIntermediateDirectories: true)
        let file = try directory.write("elsewhere/order.yml", Array(yaml.utf8))
        let result = try Kefu.run(["replay", file, "--bot", directory.path("no-bot")], input: "")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.text == "1 passed, 0 failed\n")
    }

    @Test func junitIsValidXMLWithOneTestcasePerTranscript() throws {
        let (directory, transcripts) = try Self.suite()
        defer { directory.remove() }
        _ = try directory.write("transcripts/broken.yml", Array("turns: 你好 & <b>\n".utf8))
        let junit = directory.path("report.xml")
        let result = try Shop.replay(transcripts, ["--junit", junit])
        #expect(result.status == 2)

        let data = try Data(contentsOf: URL(fileURLWithPath: junit))
        let reader = JUnitReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(reader.suites.first?["tests"] == "3")
        #expect(reader.suites.first?["failures"] == "1")
        #expect(reader.suites.first?["errors"] == "1")
        #expect(reader.testcases.map { $0["name"] } == ["查订单-必须失败", "查订单", "\(transcripts)/broken.yml"])
        #expect(reader.testcases.map { $0["file"] } == ["\(transcripts)/more/fail.yml", "\(transcripts)/pass.yml", "\(transcripts)/broken.yml"])
        #expect(reader.failures.count == 1)
        #expect(reader.failures.first?.attributes["message"] == "2 of 3 turns failed: answer, reply_contains, slots.order_id")
        #expect(reader.failures.first?.text.contains("turn 3 (\(transcripts)/more/fail.yml:9): user \"运费怎么算\"") == true)
        #expect(reader.errors.first?.text.contains("broken.yml:1:8: turns should be a list, found the text '你好 & <b>'") == true)

        let cannot = try Shop.replay(transcripts + "/pass.yml", ["--junit", directory.path("no/such/dir.xml")])
        #expect(cannot.status == 2)
        #expect(cannot.error.contains("cannot write the JUnit file"))
    }
}

/// Collects a JUnit file's suites, test cases, failures and errors.
final class JUnitReader: NSObject, XMLParserDelegate {
    var suites: [[String: String]] = []
    var testcases: [[String: String]] = []
    var failures: [(attributes: [String: String], text: String)] = []
    var errors: [(attributes: [String: String], text: String)] = []
    private var open: (element: String, attributes: [String: String], text: String)?

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        switch element {
        case "testsuite": suites.append(attributes)
        case "testcase": testcases.append(attributes)
        case "failure", "error": open = (element, attributes, "")
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        open?.text += string
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        guard let current = open, current.element == element else { return }
        if element == "failure" { failures.append((current.attributes, current.text)) } else { errors.append((current.attributes, current.text)) }
        open = nil
    }
}
