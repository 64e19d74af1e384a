/// `kefu train`: trains and caches, then says the model is up to date; `--force` retrains; a
/// broken bot folder exits 2 with one line pointing at `kefu check`.
import Foundation
import KefuTestSupport
import Testing

@Suite("kefu train")
struct TrainCommandTests {
    /// `trained 1 intent …` → the model hash in the line (12 hex digits after "model ").
    static func hash(in line: String) -> String? {
        guard let range = line.range(of: "model ") else { return nil }
        return String(line[range.upperBound...].prefix(12))
    }

    @Test("trains and caches, then is up to date with the same hash; --force trains again")
    func trainThenUpToDate() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let bot = try FixtureBot.writeShop(into: directory)

        let first = try Kefu.run(["train", "--bot", bot], input: "")
        #expect(first.status == 0, "\(first.error)")
        #expect(first.error.isEmpty)
        let line = first.text.trimmingCharacters(in: .newlines)
        #expect(!line.contains("\n"))
        #expect(line.hasPrefix("trained 9 intents ("))
        #expect(line.contains("examples) and 4 knowledge-base entries in "))
        #expect(line.contains(" cached in \(bot)/.kefu/model-"))
        let hash = try #require(Self.hash(in: line))
        #expect(hash.count == 12 && hash.allSatisfy(\.isHexDigit))

        let second = try Kefu.run(["train", "--bot", bot], input: "")
        #expect(second.status == 0)
        #expect(second.text.hasPrefix("model \(hash) up to date (cached in \(bot)/.kefu/model-"))

        let forced = try Kefu.run(["train", "--bot", bot, "--force"], input: "")
        #expect(forced.status == 0)
        #expect(forced.text.hasPrefix("trained "))
        #expect(Self.hash(in: forced.text) == hash)

        // kefu parse reads the same cache: no training, same understanding.
        let parsed = try Kefu.run(["parse", "--bot", bot], input: "我要取消订单\n")
        #expect(parsed.status == 0)
        #expect(parsed.text.contains(#""name":"cancel_order""#))
    }

    @Test("a broken bot folder exits 2 with one line that points at kefu check")
    func brokenFolder() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let bot = try FixtureBot.write(into: directory)
        try Data("intents:\n  - name: broken\n    exmaples: [你好]\n".utf8).write(to: URL(fileURLWithPath: "\(bot)/intents/broken.yml"))
        let result = try Kefu.run(["train", "--bot", bot], input: "")
        #expect(result.status == 2)
        #expect(result.text.isEmpty)
        let message = result.error.trimmingCharacters(in: .newlines)
        #expect(!message.contains("\n"))
        #expect(message.contains("kefu check --bot \(bot)"))
    }

    @Test("a missing bot folder exits 2 with one line")
    func missingFolder() throws {
        let result = try Kefu.run(["train", "--bot", "/nonexistent/kefu-bot"], input: "")
        #expect(result.status == 2)
        #expect(result.error.split(separator: "\n").count == 1)
    }

    @Test("a folder the model cannot be cached in: the trained line, then exit 2 saying why")
    func notCached() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let bot = try FixtureBot.write(into: directory)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: "\(bot)/.kefu"))
        let result = try Kefu.run(["train", "--bot", bot], input: "")
        #expect(result.status == 2)
        #expect(result.text.hasPrefix("trained "))
        #expect(result.text.contains("not cached"))
        #expect(result.error.contains("could not be cached"))
        #expect(result.error.split(separator: "\n").count == 1)
    }
}
