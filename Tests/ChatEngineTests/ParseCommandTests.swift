/// `kefu parse` as a script runs it: one JSON object per input line with the contract's keys, the
/// exit statuses of the command-line contract, and bad input that never stops the stream.
import Foundation
import KefuTestSupport
import Testing

@Suite("kefu parse", .enabled(if: Kefu.path != nil, "the kefu executable was not built next to the test binary"))
struct ParseCommandTests {
    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not an object: \(line)")
        }
    }

    @Test("one object per line with text, tokens, intent, ranking and entities")
    func contract() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let bot = try FixtureBot.write(into: directory)
        let input = "查一下订单20241105123456\n啊啊啊啊\n\n"
        let result = try Kefu.run(["parse", "--bot", bot, "--now", "2026-11-23T10:00:00+08:00"], input: input)
        #expect(result.status == 0, "\(result.error)")
        let objects = try Self.objects(result.text)
        try #require(objects.count == 3)

        let first = objects[0]
        #expect(first["text"] as? String == "查一下订单20241105123456")
        #expect((first["tokens"] as? [String])?.last == "20241105123456")
        let intent = try #require(first["intent"] as? [String: Any])
        #expect(intent["name"] as? String == "order_status")
        #expect((intent["confidence"] as? Double).map { $0 > 0 && $0 <= 1 } == true)
        let ranking = try #require(first["ranking"] as? [[String: Any]])
        #expect(ranking.first?["name"] as? String == "order_status")
        let entity = try #require((first["entities"] as? [[String: Any]])?.first)
        #expect(entity["entity"] as? String == "order_id")
        #expect(entity["value"] as? String == "20241105123456")
        #expect(entity["start"] as? Int == 5)
        #expect(entity["end"] as? Int == 19)
        #expect(entity["text"] as? String == "20241105123456")

        #expect(objects[1]["intent"] is NSNull)
        #expect(objects[1]["reason"] is String)
        #expect(objects[2]["text"] as? String == "")
        #expect((objects[2]["tokens"] as? [Any])?.isEmpty == true)
    }

    @Test("invalid UTF-8 is replaced and named on standard error; the next line is still parsed")
    func invalidUTF8() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let bot = try FixtureBot.write(into: directory)
        let result = try Kefu.run(["parse", "--bot", bot], input: [0xE6, 0x88, 0x91, 0xFF, 0x0A] + Array("你好\n".utf8))
        #expect(result.status == 0)
        #expect(result.error.contains("line 1"))
        let objects = try Self.objects(result.text)
        #expect(objects.count == 2)
        #expect(objects[0]["text"] as? String == "我\u{FFFD}")
        #expect((objects[1]["intent"] as? [String: Any])?["name"] as? String == "greeting")
    }

    @Test("bad usage and unreadable bots exit 2 with one line on standard error", arguments: [
        ["parse", "--bot", "/nonexistent/kefu-bot"],
        ["parse", "--now", "tomorrow"],
    ])
    func badUsage(arguments: [String]) throws {
        let result = try Kefu.run(arguments, input: "你好\n")
        #expect(result.status == 2)
        #expect(result.error.split(separator: "\n").count == 1, "\(result.error)")
        #expect(result.text.isEmpty)
    }

    @Test("a bot folder with errors is refused and points at kefu check")
    func brokenBot() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let bot = try FixtureBot.write(into: directory)
        try Data("intents:\n  - name: lonely\n    examples: [只有一个]\n".utf8)
            .write(to: URL(fileURLWithPath: bot).appendingPathComponent("intents/broken.yml"))
        let result = try Kefu.run(["parse", "--bot", bot], input: "你好\n")
        #expect(result.status == 2)
        #expect(result.error.contains("kefu check"))
        #expect(result.error.contains("broken.yml"))
    }
}
