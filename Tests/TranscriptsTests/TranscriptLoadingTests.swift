import Foundation
import KefuTestSupport
import Testing
import Transcripts

/// Reading transcript files: the DESIGN §2 format plus `now:` and `bot:`, and every kind of
/// mistake reported with file and line.
@Suite struct TranscriptLoadingTests {
    @Test func readsEveryKeyOfAGoodFile() throws {
        let yaml = """
            # a comment
            name: 退货-提供订单号
            now: 2026-11-23T10:00:00+08:00
            bot: ../shop
            turns:
              - user: 我想退货
                intent: return_request
                reply: 请提供您的订单号（14位数字）。
              - user: 20241105123456
                slots: { order_id: 20241105123456 }
                reply_contains: 退货申请已提交
                reply_matches: '\\d{14}'
                handoff: false
              - user: 今天天气怎么样
                intent: null
                answer: ~
              - user: 运费怎么算
                answer: shipping-fee
                handoff: true
            """
        let transcript = try Transcript.load(yaml: yaml, file: "t/returns.yml")
        #expect(transcript.name == "退货-提供订单号")
        #expect(transcript.now == "2026-11-23T10:00:00+08:00")
        #expect(transcript.bot == "../shop")
        #expect(transcript.file == "t/returns.yml")
        #expect(transcript.turns.map(\.user) == ["我想退货", "20241105123456", "今天天气怎么样", "运费怎么算"])
        #expect(transcript.turns.map(\.line) == [6, 9, 14, 17])
        #expect(transcript.turns[0].checks == TurnChecks(intent: "return_request", reply: "请提供您的订单号（14位数字）。"))
        #expect(transcript.turns[1].checks == TurnChecks(slots: ["order_id": "20241105123456"], replyContains: "退货申请已提交",
                                                         replyMatches: "\\d{14}", handoff: false))
        #expect(transcript.turns[2].checks == TurnChecks(intent: .some(nil), answer: .some(nil)))
        #expect(transcript.turns[3].checks == TurnChecks(answer: "shipping-fee", handoff: true))
    }

    @Test func theNameDefaultsToTheFileAndTurnsMayBeEmpty() throws {
        let transcript = try Transcript.load(yaml: "turns: []\n", file: "transcripts/空的.yaml")
        #expect(transcript.name == "空的")
        #expect(transcript.turns.isEmpty)
        #expect(try Transcript.load(yaml: "turns:\n", file: "a.yml").turns.isEmpty)
    }

    /// (YAML, line, column or nil, words the message must contain).
    static let mistakes: [(String, Int?, Int?, String)] = [
        ("turns:\n  - user: 你好\n   reply: 您好\n", 3, nil, "YAML syntax error"),
        ("name: x\nturns:\n  - user: 你好\n    replly: 您好\n", 4, 5, "unknown key 'replly' in turn 1; did you mean 'reply'?"),
        ("name: x\nturn:\n  - user: 你好\n", 2, 1, "unknown key 'turn' in the transcript; did you mean 'turns'?"),
        ("name: x\nturns:\n  - user: 你好\n  - intent: greeting\n    reply: 您好\n", 4, 5, "turn 2 has no 'user:'"),
        ("turns:\n  - user: 你好\n    reply_matches: '订单(\\d+'\n", 3, 20, "reply_matches of turn 1 is not a valid regular expression"),
        ("now: 2026-13-01\nturns: []\n", 1, 6, "now '2026-13-01' is not an ISO 8601 time"),
        ("now: tomorrow\nturns: []\n", 1, 6, "write it like 2026-11-23T10:00:00+08:00"),
        ("name: x\n", 1, 1, "the transcript has no 'turns:'"),
        ("turns: 你好\n", 1, 8, "turns should be a list"),
        ("turns:\n  - 你好\n", 2, 5, "turn 1 should be a mapping"),
        ("turns:\n  - user: [a, b]\n", 2, 11, "user of turn 1 should be text, found a list"),
        ("turns:\n  - user: 你好\n    slots: order_id\n", 3, 12, "slots of turn 1 should be a mapping"),
        ("turns:\n  - user: 你好\n    handoff: maybe\n", 3, 14, "handoff of turn 1 should be true or false"),
        ("turns:\n  - user: 你好\n  - user: \"  \"\n", 3, 11, "user of turn 2 is empty"),
        ("- user: 你好\n", 1, 1, "the transcript should be a mapping"),
        ("", nil, nil, "the file is empty"),
        ("name: a\nname: b\nturns: []\n", 1, nil, "written twice"),
    ]

    @Test(arguments: mistakes)
    func everyMistakeNamesFileAndLine(yaml: String, line: Int?, column: Int?, words: String) throws {
        let error = try #require(throws: TranscriptError.self) { try Transcript.load(yaml: yaml, file: "transcripts/bad.yml") }
        let issue = try #require(error.issues.first)
        #expect(issue.file == "transcripts/bad.yml")
        #expect(issue.line == line, "\(issue)")
        if let column { #expect(issue.column == column, "\(issue)") }
        #expect(issue.message.contains(words), "\(issue)")
        #expect(error.description.hasPrefix("transcripts/bad.yml" + (line.map { ":\($0)" } ?? "")))
    }

    @Test func everyProblemOfAFileIsListed() throws {
        let yaml = "name: x\nturns:\n  - user: 你好\n    intnet: greeting\n  - reply: 您好\n"
        let error = try #require(throws: TranscriptError.self) { try Transcript.load(yaml: yaml, file: "x.yml") }
        #expect(error.issues.map(\.line) == [4, 5])
    }

    @Test func filesThatCannotBeReadSayWhy() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let missing = directory.path("missing.yml")
        let error = try #require(throws: TranscriptError.self) { try Transcript.load(file: missing) }
        #expect(error.description.hasPrefix(missing + ": cannot read the file"))
        let latin = try directory.write("latin.yml", [0x74, 0x75, 0x72, 0x6E, 0x73, 0x3A, 0xFF, 0x0A])
        #expect(throws: TranscriptError.self) { try Transcript.load(file: latin) }
    }

    @Test func expandFindsTranscriptsInFoldersSortedAndOnce() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        for name in ["b.yml", "a/z.yaml", "a/c.yml", "notes.txt", ".hidden/x.yml", "a/.secret.yml"] {
            let path = directory.path(name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data("turns: []\n".utf8))
        }
        let root = directory.url.path
        let files = try TranscriptFiles.expand([root, root + "/b.yml", root + "/notes.txt"])
        #expect(files == [root + "/a/c.yml", root + "/a/z.yaml", root + "/b.yml", root + "/notes.txt"])
        let error = try #require(throws: TranscriptError.self) { try TranscriptFiles.expand([root + "/nope", root + "/nada.yml"]) }
        #expect(error.issues.map(\.file) == [root + "/nope", root + "/nada.yml"])
    }
}
