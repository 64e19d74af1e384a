import ChatCore
import SessionStorage
import Foundation
import KefuTestSupport
import Testing
import Yams

/// `kefu stats` and `kefu mine` as a user runs them: on a store written by `kefu serve --stdio
/// --store`, on transcript files, on a text file.
@Suite(.serialized) struct AnalyticsCommandTests {
    static let storeLines = """
        {"session":"a","text":"你好"}
        {"session":"a","text":"运费怎么算"}
        {"session":"b","text":"积分怎么兑换"}
        {"session":"b","text":"会员卡在哪办"}
        {"session":"a","command":"reset"}
        {"session":"a","text":"转人工"}

        """

    /// A store with three conversations (session a before and after its reset, session b).
    static func writeStore(in directory: ScratchDirectory) throws -> String {
        let bot = try #require(ShopStats.botFolder)
        let store = directory.path("sessions.sqlite")
        let served = try Kefu.run(["serve", "--stdio", "--bot", bot, "--store", store], input: storeLines)
        try #require(served.status == 0, "kefu serve failed: \(served.error)")
        return store
    }

    @Test func statsReadsASessionStore() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try Self.writeStore(in: directory)
        let result = try Kefu.run(["stats", store, "--json"], input: "")
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output)) as? [String: Any])
        #expect(object["conversations"] as? Int == 3)
        let turns = try #require(object["turns"] as? [String: Any])
        #expect(turns["total"] as? Int == 5 && turns["max"] as? Int == 2)
        let fallback = try #require(object["fallback"] as? [String: Any])
        #expect(fallback["turns"] as? Int == 1)
        let handoff = try #require(object["handoff"] as? [String: Any])
        #expect(handoff["conversations"] as? Int == 2 && handoff["turns"] as? Int == 2)

        let text = try Kefu.run(["stats", store], input: "")
        #expect(text.status == 0)
        #expect(text.text.hasPrefix("Conversations  3\nTurns          5 (mean 1.7, median 2, max 2 per conversation)\n"))
        #expect(text.text.contains("  shipping-fee"))
    }

    @Test func statsReportsTheHandOffCasesOfAStore() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path("agents.db")
        do {
            let store = try SQLiteSessionStore(path: path)
            var batch = StoreBatch()
            batch.handoffs = [
                HandoffCase(session: "a", conversation: 0, turn: 1, reason: HandoffReason(.asked), requestedAt: 1000,
                            status: .released, agent: "王芳", claimedAt: 1010, firstReplyAt: 1042, endedAt: 1100),
                HandoffCase(session: "b", conversation: 0, turn: 3, reason: HandoffReason(.anger, cue: "word 投诉"), requestedAt: 2000,
                            status: .closed, agent: "王芳", claimedAt: 2030, firstReplyAt: 2090, endedAt: 2200),
                HandoffCase(session: "c", conversation: 0, turn: 2, reason: HandoffReason(.asked), requestedAt: 3000),
            ]
            _ = try await store.save(batch)
        }
        let result = try Kefu.run(["stats", path], input: "")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.text.contains("Human agents   3 cases (asked 2, anger 1): 2 answered, first reply after median 1 min 6 s (mean 1 min 6 s, max 1 min 30 s); 1 waiting"))
        let json = try Kefu.run(["stats", path, "--json"], input: "")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output)) as? [String: Any])
        let agents = try #require(object["agents"] as? [String: Any])
        #expect(agents["cases"] as? Int == 3 && agents["answered"] as? Int == 2)
    }

    @Test func mineReadsTheMissesOfAStore() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try Self.writeStore(in: directory)
        let result = try Kefu.run(["mine", store, "--bot", try #require(ShopStats.botFolder)], input: "")
        #expect(result.status == 0, "\(result.error)")
        // Two lines fell back: too few for a cluster of three, so both are listed as unclustered.
        #expect(result.text.contains("# kefu mine: 2 lines that fell back (2 distinct)"))
        #expect(result.text.contains("#   积分怎么兑换\n") && result.text.contains("#   会员卡在哪办\n"))
    }

    @Test func statsReplaysTranscriptFiles() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let bot = try #require(ShopStats.botFolder)
        try FileManager.default.createDirectory(atPath: directory.path("transcripts/more"), withIntermediateDirectories: true)
        try directory.write("transcripts/faq.yml", Array("name: faq\nturns:\n  - user: 运费怎么算\n    answer: shipping-fee\n  - user: 谢谢\n".utf8))
        try directory.write("transcripts/more/lost.yml", Array("name: lost\nturns:\n  - user: 积分怎么兑换\n  - user: 会员卡在哪办\n".utf8))
        let result = try Kefu.run(["stats", directory.path("transcripts"), "--bot", bot, "--json"], input: "")
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output)) as? [String: Any])
        #expect(object["conversations"] as? Int == 2)
        #expect((object["fallback"] as? [String: Any])?["turns"] as? Int == 1)
        #expect((object["handoff"] as? [String: Any])?["conversations"] as? Int == 1)
    }

    @Test func statsRefusesTextFilesAndMissingPaths() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let notes = try directory.write("notes.txt", Array("积分怎么兑换\n".utf8))
        let text = try Kefu.run(["stats", notes], input: "")
        #expect(text.status == 2)
        #expect(text.error.contains("neither a transcript"))
        let missing = try Kefu.run(["stats", directory.path("nowhere")], input: "")
        #expect(missing.status == 2)
        #expect(missing.error.contains("does not exist"))
    }

    @Test func mineClustersATextFileIntoPastableYAML() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        // Every fixture line, and two of them said again.
        let lines = MiningFixture.lines + ["积分怎么兑换", "积分怎么兑换？", "海外直邮要多久到"]
        let file = try directory.write("fallbacks.txt", Array(lines.joined(separator: "\n").utf8))
        let bot = try #require(ShopStats.botFolder)
        let result = try Kefu.run(["mine", file, "--bot", bot], input: "")
        #expect(result.status == 0, "\(result.error)")
        let output = result.text
        #expect(output.components(separatedBy: "\n# cluster ").count - 1 == 3, "\(output)")
        #expect(output.contains("- 积分怎么兑换   # said 3 times"))
        #expect(output.contains("- 海外直邮要多久到   # said 2 times"))
        // The whole output is YAML: a list of entries, each with its lines and a TODO.
        let entries = try #require(try Yams.load(yaml: output) as? [[String: Any]])
        #expect(entries.count == 3)
        for entry in entries {
            let lines = (entry["questions"] ?? entry["examples"]) as? [String] ?? []
            #expect(lines.count >= 6)
            #expect(entry["answer"] as? String == "TODO" || entry["reply"] as? String == "TODO")
            let topics = Set(lines.compactMap { MiningFixture.topics[$0] })
            #expect(topics.count == 1, "a cluster mixes topics: \(lines)")
        }
        // The same lines give the same report.
        let again = try Kefu.run(["mine", file, "--bot", bot], input: "")
        #expect(again.text == output)
    }
}
