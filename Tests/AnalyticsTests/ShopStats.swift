import Analytics
import ChatEngine
import KefuTestSupport
import Transcripts

/// The shop fixture bot and a few conversations with it, shared by the stats tests.
enum ShopStats {
    /// The shop fixture in one fixed temporary folder, so its cached model is reused across runs.
    static let botFolder: String? = {
        guard let directory = try? ScratchDirectory() else { return nil }
        return try? FixtureBot.writeShop(into: directory)
    }()

    static let engine: ChatEngine? = botFolder.flatMap { try? ChatEngine.load(botFolder: $0) }

    /// Four conversations: an order lookup, a knowledge-base question, a hand-off asked for, and
    /// three lines the bot cannot answer (two fallbacks, then the hand-off after misses).
    static let transcripts = [
        Transcript(name: "order", now: "2026-11-23T10:00:00+08:00",
                   turns: ["你好", "我的订单到哪了", "20241105123456"].map { TranscriptTurn(user: $0) }),
        Transcript(name: "faq", turns: ["运费怎么算", "怎么开发票", "谢谢"].map { TranscriptTurn(user: $0) }),
        Transcript(name: "human", turns: ["转人工"].map { TranscriptTurn(user: $0) }),
        Transcript(name: "lost", turns: ["积分怎么兑换", "会员卡在哪办", "海外直邮多久到"].map { TranscriptTurn(user: $0) }),
    ]
}
