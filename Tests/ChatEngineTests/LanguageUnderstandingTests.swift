/// A bot's understanding of a line: trained from the bot folder, it finds the intent, the bot's
/// own entities and the built-ins, and refuses lines that mean nothing.
import BotDefinition
import ChatCore
import Foundation
import ChatEngine
import Entities
import KefuTestSupport
import Testing

@Suite("Language understanding")
struct LanguageUnderstandingTests {
    static let reference = try! ReferenceTime(iso8601: "2026-11-23T10:00:00+08:00")

    static let understanding: Result<LanguageUnderstanding, any Error> = Result {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let bot = try Bot.load(from: FixtureBot.write(into: directory))
        return try LanguageUnderstanding.train(bot)
    }

    @Test("intents, the bot's entities and built-ins come out together, with exact offsets")
    func wholeLine() throws {
        let understanding = try Self.understanding.get()
        let utterance = understanding.understand("我的订单20241105123456到哪了？明天能到北京市吗", at: Self.reference)
        #expect(utterance.prediction.intent?.name == "order_status")
        #expect(utterance.tokens.map(\.text).contains("20241105123456"))
        let found = utterance.entities.map { "\($0.name)=\($0.value.jsonText)@\($0.scalarRange)" }
        #expect(found == [#"order_id="20241105123456"@4..<18"#, #"date="2026-11-24"@22..<24"#, #"city="北京"@26..<29"#])
    }

    @Test("English and Chinese examples both teach an intent", arguments: [
        ("where is my package", "order_status"), ("我要退货", "return_request"), ("hello there", "greeting"),
    ])
    func intents(line: String, intent: String) throws {
        #expect(try Self.understanding.get().understand(line, at: Self.reference).prediction.intent?.name == intent)
    }

    @Test("lines that mean nothing get no intent", arguments: ["osifhaskdnkauer", "啊啊啊啊", "1234", "？？？", ""])
    func outOfScope(line: String) throws {
        let prediction = try Self.understanding.get().understand(line, at: Self.reference).prediction
        #expect(prediction.intent == nil)
        #expect(prediction.outOfScopeReason != nil)
    }

    @Test("an intent named out_of_scope teaches what to refuse and is never predicted")
    func outOfScopeIntent() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let folder = try FixtureBot.write(into: directory)
        let refusals = """
            intents:
              - name: out_of_scope
                examples: [今天天气真好, 给我讲个笑话, 你喜欢吃什么, 白菜多少钱一斤, 哈哈哈哈, 周末去哪玩, 唱首歌吧, 你会下棋吗]

            """
        try Data(refusals.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("intents/refuse.yml"))
        let understanding = try LanguageUnderstanding.train(try Bot.load(from: folder))
        #expect(!understanding.intentModel.intents.contains("out_of_scope"))
        let refused = understanding.understand("给我讲个笑话吧", at: Self.reference).prediction
        #expect(refused.intent == nil)
        #expect(understanding.understand("我的订单到哪了", at: Self.reference).prediction.intent?.name == "order_status")
    }

    @Test("the bot's examples become labelled training lines")
    func trainingExamples() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let bot = try Bot.load(from: FixtureBot.write(into: directory))
        let examples = bot.trainingExamples
        #expect(examples.count == 24)
        #expect(examples.first?.label == "order_status")
        #expect(examples.first?.text == "我的订单到哪了")
    }
}
