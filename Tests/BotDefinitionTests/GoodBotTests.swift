import BotDefinition
import Entities
import Testing

@Suite("A good bot folder") struct GoodBotTests {
    private func load() throws -> (Bot, BotCheckReport) {
        let folder = try BotFolder(text: GoodBot.files)
        defer { folder.remove() }
        let report = try BotLoader.check(folder: folder.path)
        return (try Bot.load(from: folder.path), report)
    }

    @Test func hasNoIssues() throws {
        let (_, report) = try load()
        #expect(report.issues == [])
        #expect(!report.hasErrors)
        #expect(report.files == ["intents/chitchat.yaml", "intents/orders.yml", "knowledge-base/dictionary.txt",
                                 "knowledge-base/shipping.yml", "knowledge-base/tables/orders.csv"])
        #expect(report.summary == "ok: 3 intents, 2 knowledge-base entries, 1 table")
    }

    @Test func intents() throws {
        let (bot, _) = try load()
        #expect(bot.intents.map(\.name) == ["greet", "order_status", "cancel_order"])   // files sorted by name
        let status = try #require(bot.intent(named: "order_status"))
        #expect(status.description == "查询订单物流状态")
        #expect(status.examples.map(\.text) == ["我的订单到哪了", "快递怎么还没到", "帮我查一下订单 20241105123456", "where is my order"])
        #expect(status.examples[2].file == "intents/orders.yml")
        #expect(status.examples[2].line == 10)
        #expect(status.location == SourceLocation(file: "intents/orders.yml", line: 5, column: 11))
        #expect(status.slots.map(\.name) == ["order_id"])
        #expect(status.slots[0].entity == "order_id")
        #expect(status.slots[0].prompt == "请提供您的订单号（14位数字）。")
        #expect(status.lookup?.table == "orders")
        #expect(status.lookup?.key == "order_id")
        #expect(status.reply?.parts == [
            .text("订单 "), .slot("order_id"), .text(" 当前状态："), .field(alias: "order", column: "status"),
            .text("，预计 "), .field(alias: "orders", column: "eta"), .text(" 送达。"),
        ])
        #expect(status.confirm == nil)

        let cancel = try #require(bot.intent(named: "cancel_order"))
        #expect(cancel.slots.map(\.name) == ["order_id", "phone"])            // in the order written
        #expect(cancel.slots.map(\.entity) == ["order_id", "phone"])          // a declared entity and a built-in
        #expect(cancel.slots[0].prompt == "请提供要取消的订单号。")
        #expect(cancel.confirm?.render(slots: ["order_id": "20241105123456"]) == "确认取消订单 20241105123456 吗？")
        #expect(bot.intent(named: "greet")?.reply?.render(slots: [:]) == "您好！{客服}在此。")
    }

    @Test func entities() throws {
        let (bot, _) = try load()
        #expect(bot.patternEntities == [PatternEntity(name: "order_id", pattern: #"(?<!\d)\d{14}(?!\d)"#)])
        #expect(bot.lookupEntities == [LookupEntity(name: "city", values: ["北京": ["北京市", "帝都", "beijing"], "上海": ["魔都"], "广州": []])])
        #expect(bot.knowsEntity("order_id") && bot.knowsEntity("city") && bot.knowsEntity("money"))
        #expect(!bot.knowsEntity("orderid"))
    }

    @Test func knowledgeBase() throws {
        let (bot, _) = try load()
        #expect(bot.knowledgeBase.map(\.id) == ["shipping-fee", "shipping-time"])
        let fee = try #require(bot.entry(id: "shipping-fee"))
        #expect(fee.questions == ["运费怎么算", "包邮吗", "满多少包邮", "how much is shipping"])
        #expect(fee.answer == "订单满 99 元包邮，不满 99 元收取 8 元运费。")
        #expect(fee.tags == ["shipping"])
        #expect(bot.entry(id: "shipping-time")?.tags == [])
        #expect(bot.entry(id: "shipping-time")?.location.line == 5)
    }

    @Test func tablesAndDictionary() throws {
        let (bot, _) = try load()
        let orders = try #require(bot.tables["orders"])
        #expect(orders.columns == ["order_id", "status", "eta"])
        #expect(orders.keyColumn == "order_id")
        #expect(orders.rows.count == 2)
        #expect(orders.record(forKey: "20241105000001") == ["order_id": "20241105000001", "status": "待发货，缺货", "eta": "11月\"10\"日"])
        #expect(orders.record(forKey: "nope") == nil)
        let reply = try #require(bot.intent(named: "order_status")?.reply)
        let record = try #require(orders.record(forKey: "20241105123456"))
        #expect(reply.render(slots: ["order_id": "20241105123456"], record: record) == "订单 20241105123456 当前状态：已发货，预计 11月8日 送达。")
        #expect(reply.render(slots: [:], record: record) == nil)
        #expect(bot.dictionary.entries.map(\.word) == ["退货运费险", "七天无理由"])
        #expect(bot.dictionary.entries.map(\.frequency) == [5000, nil])
        #expect(bot.dictionary.entries.map(\.line) == [1, 2])
    }
}
