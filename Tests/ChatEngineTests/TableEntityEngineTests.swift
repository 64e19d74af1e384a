/// A product named by part of its name, a product the shop does not sell, and the bot's time zone.
import BotDefinition
import ChatCore
import ChatEngine
import Dialogue
import Entities
import Foundation
import KefuTestSupport
import Testing

@Suite("Table entities, unknown products, the bot's time zone")
struct TableEntityEngineTests {
    static let intents = """
        entities:
          product: { table: products, column: name, aliases: aliases }
        intents:
          - name: product_question
            examples: [耳机多少钱, 音箱怎么样, 手环防水吗, 这个多少钱, 有卖耳机吗, 手环有什么颜色, 音箱有货吗, 价格多少]
            slots:
              sku: { entity: product, prompt: 您想了解哪件商品？, unknown: '抱歉，我们没有卖「{value}」。您想了解哪件商品？' }
            lookup: { table: products, key: sku }
            reply: '{product.name}：{product.price} 元。'
          - name: delivery_date
            examples: [明天能到吗, 后天能送到吗, 周五前能到吗, 今天能到吗, 什么时候能到, 下周一能到吗, 几号能到, 大后天能到吗]
            slots:
              day: { entity: date, prompt: 哪一天？ }
            reply: 好的，{day} 前送到。
          - name: greeting
            examples: [你好, 您好, 在吗, hello, hi, 早上好, 有人吗, 哈喽]
            reply: 您好！

        """

    static let products = """
        sku,name,price,aliases
        P1001,小蜜Air2无线耳机,299.00,earbuds
        P1002,小蜜智能手环5,199.00,
        P1003,小蜜蓝牙音箱Mini,149.00,
        P1006,小蜜智能电饭煲3L,269.00,

        """

    static let engine: Result<ChatEngine, any Error> = Result {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let folder = directory.url
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("intents"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("knowledge-base/tables"), withIntermediateDirectories: true)
        try Data(intents.utf8).write(to: folder.appendingPathComponent("intents/shop.yml"))
        try Data(products.utf8).write(to: folder.appendingPathComponent("knowledge-base/tables/products.csv"))
        try Data("time_zone: Asia/Shanghai\n".utf8).write(to: folder.appendingPathComponent("bot.yml"))
        return try ChatEngine.load(botFolder: folder.path, options: EngineLoadOptions(cache: .off))
    }

    /// 2026-11-23 20:00 UTC: already the 24th in Shanghai.
    static let lateEvening = Date(timeIntervalSince1970: 1_795_464_000)

    @Test(arguments: [
        ("耳机多少钱", "P1001"), ("无线耳机怎么样", "P1001"), ("Air2 多少钱", "P1001"), ("earbuds价格", "P1001"),
        ("手环防水吗", "P1002"), ("电饭煲多少钱", "P1006"), ("小蜜蓝牙音箱Mini多少钱", "P1003"),
    ])
    func aProductIsFoundByItsNameOrAPartOnlyItHas(line: String, sku: String) throws {
        let engine = try Self.engine.get()
        let utterance = engine.understanding.understand(line, at: engine.referenceTime(Self.lateEvening))
        #expect(utterance.entities.first { $0.name == "product" }?.value == .text(sku), "\(utterance.entities)")
    }

    @Test func aPartTwoProductsShareNamesNeither() throws {
        let engine = try Self.engine.get()
        // 智能 is in the band's and the rice cooker's names.
        let utterance = engine.understanding.understand("智能的多少钱", at: engine.referenceTime(Self.lateEvening))
        #expect(!utterance.entities.contains { $0.name == "product" })
    }

    @Test func aProductTheShopDoesNotSellIsSaidSoAndTheNextLineFillsTheSlot() throws {
        let engine = try Self.engine.get()
        let now = engine.referenceTime(Self.lateEvening)
        let (unknown, state) = engine.respond(to: "iPhone 16 多少钱", in: .start, at: now)
        #expect(unknown.text == "抱歉，我们没有卖「iPhone 16」。您想了解哪件商品？")
        #expect(unknown.source == .table(name: "products", row: nil, intent: "product_question"))
        let (known, _) = engine.respond(to: "耳机", in: state, at: now)
        #expect(known.text == "小蜜Air2无线耳机：299.00 元。")
        #expect(known.source == .table(name: "products", row: "P1001", intent: "product_question"))
    }

    @Test func aLineOfKnownWordsIsAskedWhichProduct() throws {
        let engine = try Self.engine.get()
        let (reply, _) = engine.respond(to: "这个多少钱", in: .start, at: engine.referenceTime(Self.lateEvening))
        #expect(reply.text == "您想了解哪件商品？")
    }

    @Test func relativeDatesAreReadInTheBotsTimeZone() throws {
        let engine = try Self.engine.get()
        #expect(engine.timeZone.identifier == "Asia/Shanghai")
        let now = engine.referenceTime(Self.lateEvening)
        #expect(now.year == 2026 && now.month == 11 && now.day == 24 && now.hour == 4)
        let (reply, _) = engine.respond(to: "明天能到吗", in: .start, at: now)
        #expect(reply.text == "好的，2026-11-25 前送到。")
        let written = try engine.referenceTime(iso8601: "2026-11-23T23:30")
        #expect(written.timeZone.identifier == "Asia/Shanghai")
    }
}
