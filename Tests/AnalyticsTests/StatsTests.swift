@testable import Analytics
import ChatEngine
import Foundation
import KefuTestSupport
import Testing
import Transcripts

@Suite struct StatsTests {
    static func replayedLogs() throws -> [ConversationLog] {
        let folder = try #require(ShopStats.botFolder)
        var replayer = TranscriptReplayer(engine: try #require(ShopStats.engine), botFolder: folder)
        return try ShopStats.transcripts.map { try replayer.replay($0) }
    }

    @Test func replayedTranscriptsGiveTheFigures() throws {
        let stats = ConversationStats(try Self.replayedLogs())
        #expect(stats.conversations == 4)
        #expect(stats.turns == .init(total: 10, mean: 2.5, median: 3, max: 3))
        // 积分怎么兑换 falls back; 会员卡在哪办 is the second miss (the shop hands off after 2).
        #expect(stats.fallback == .init(turns: 1, rate: 0.1))
        // 转人工 and the misses end handed off; 海外直邮多久到 comes after the hand-off, not another one.
        #expect(stats.handoff == .init(conversations: 2, rate: 0.5, turns: 2))
        #expect(stats.intents.bars.first?.name == nil)
        // Intents are the intents replies came from: 转人工's reply is the hand-off's, not an intent's.
        #expect(stats.intents.count(of: nil) == 6)
        #expect(stats.intents.count(of: "order_status") == 2)
        #expect(stats.intents.bars.map(\.count) == [6, 2, 1, 1])
        #expect(stats.intents.bars.dropFirst(2).map(\.name) == ["greeting", "thanks"])
        #expect(stats.answers.bars.map(\.name) == ["invoice", "shipping-fee"])
        #expect(stats.answers.total == 2)
        #expect(stats.policies.count(of: "handoff") == 3)
        #expect(stats.policies.count(of: "knowledge_answer") == 2)
        #expect(stats.policies.bars.reduce(0) { $0 + $1.count } == 10)
    }

    @Test func theLinesThatFellBackAreTheMisses() throws {
        var collector = ConversationCollector(replayer: TranscriptReplayer(botFolder: "."))
        collector.conversations = try Self.replayedLogs()
        collector.plainLines = ["发票抬头写错了"]
        #expect(collector.fallbackLines == ["积分怎么兑换", "会员卡在哪办", "发票抬头写错了"])
    }

    @Test func theReportAlignsItsColumns() throws {
        let report = ConversationStats(try Self.replayedLogs()).report
        #expect(report.contains("Conversations  4\n"))
        #expect(report.contains("Turns          10 (mean 2.5, median 3, max 3 per conversation)\n"))
        #expect(report.contains("Fallbacks      1 of 10 turns (10.0%)\n"))
        #expect(report.contains("Hand-offs      2 of 4 conversations ended with a human (50.0%); 2 hand-off turns\n"))
        #expect(report.contains("""
            Intents         turns  share
              (none)            6  60.0%
              order_status      2  20.0%
            """))
        #expect(report.contains("""
            Answers used    answers  share
              invoice             1  50.0%
              shipping-fee        1  50.0%
            """))
    }

    @Test func chineseNamesTakeTwoColumns() {
        var table = TextColumns([.left, .right])
        table.append("退货政策", "1")
        table.append("shipping", "12")
        table.append("运费", "3")
        #expect(table.render(indent: "") == "退货政策   1\nshipping  12\n运费       3\n")
    }

    @Test func jsonHasStableKeys() throws {
        let json = ConversationStats(try Self.replayedLogs()).json
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["conversations", "turns", "intents", "fallback", "handoff", "answers", "policies"])
        let turns = try #require(object["turns"] as? [String: Any])
        #expect(Set(turns.keys) == ["total", "mean", "median", "max"])
        let handoff = try #require(object["handoff"] as? [String: Any])
        #expect(handoff["conversations"] as? Int == 2 && handoff["turns"] as? Int == 2)
        let intents = try #require((object["intents"] as? [String: Any])?["bars"] as? [[String: Any]])
        // The "no intent" bar keeps its name key, as null.
        #expect(intents.first.map { Set($0.keys) } == ["name", "count", "share"])
        #expect(intents.first?["name"] is NSNull)
        // Same figures, same text: keys sorted.
        #expect(json == ConversationStats(try Self.replayedLogs()).json)
    }

    @Test func anEmptySetReportsZeros() {
        let stats = ConversationStats([])
        #expect(stats.conversations == 0 && stats.turns.total == 0 && stats.fallback.rate == 0 && stats.handoff.rate == 0)
        #expect(stats.report.contains("Intents: none"))
    }

    @Test(arguments: [
        (LoggedTurn(user: "x", policy: "fallback", reason: "no intent; miss 1 of 3 → rephrase"), true),
        (LoggedTurn(user: "x", policy: "handoff", handoff: true, reason: "no intent; miss 3 of 3 → hand-off"), true),
        (LoggedTurn(user: "x", policy: "handoff", handoff: true, reason: "intent human_agent 1.00; asked for a human → hand-off"), false),
        (LoggedTurn(user: "x", policy: "handoff", handoff: true, reason: "intent order_status 0.99; already handed off"), false),
        (LoggedTurn(user: "x", policy: "knowledge_answer"), false),
    ])
    func whatCountsAsFallingBack(turn: LoggedTurn, fellBack: Bool) {
        #expect(turn.fellBack == fellBack)
    }
}
