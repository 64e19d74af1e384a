import Foundation
import BotDefinition
import Testing

/// `bot.yml` and the dialogue keys of intents (`invalid:`, `missing:`, `declined:`).
@Suite("Bot settings and dialogue messages") struct BotSettingsTests {
    static let intents = lines(
        "entities:",                                                                   // 1
        "  order_id: { pattern: '(?<!\\d)\\d{14}(?!\\d)' }",                           // 2
        "intents:",                                                                    // 3
        "  - name: cancel_order",                                                      // 4
        "    examples: [取消订单, 我要取消订单]",                                         // 5
        "    slots:",                                                                  // 6
        "      order_id:",                                                             // 7
        "        entity: order_id",                                                    // 8
        "        prompt: 请提供订单号。",                                                 // 9
        "        invalid: 订单号是 {expected} 位数字，您输入的 {value} 是 {length} 位。",   // 10
        "    lookup: { table: orders, key: order_id, missing: '没有找到订单 {order_id}。' }", // 11
        "    confirm: 确认取消 {order.items} 吗？",                                        // 12
        "    declined: 好的，订单 {order_id} 不取消。",                                    // 13
        "    reply: 已取消。")                                                          // 14

    static let orders = "order_id,items\n20241105123456,耳机\n"

    private func check(botYML: String?, intents: String = intents) throws -> BotCheckReport {
        var files = ["intents/shop.yml": intents, "knowledge-base/tables/orders.csv": Self.orders]
        if let botYML { files["bot.yml"] = botYML }
        let folder = try BotFolder(text: files)
        defer { folder.remove() }
        return try BotLoader.check(folder: folder.path)
    }

    @Test func withoutBotYMLTheDefaultsHold() throws {
        let report = try check(botYML: nil)
        #expect(report.issues == [])
        #expect(report.bot.settings == BotSettings())
        #expect(report.bot.settings.say(\.fallback) == "抱歉，我没有理解您的意思，能换个说法吗？")
        #expect(report.bot.settings.handoffAfterMisses == 2)
    }

    @Test func readsNameMessagesLimitAndWords() throws {
        let report = try check(botYML: lines(
            "name: 小蜜",
            "messages:",
            "  handoff: 好的，马上为您转人工。",
            "  greeting: 您好，我是{name}。",
            "fallback: { handoff_after: 3 }",
            "frustration: { words: [太坑了], impatience: [急死人] }"))
        #expect(report.issues == [])
        let settings = report.bot.settings
        #expect(settings.name == "小蜜")
        #expect(settings.say(\.handoff) == "好的，马上为您转人工。")
        #expect(settings.say(\.greeting) == "您好，我是小蜜。")
        #expect(settings.say(\.reset) == BotSettings().say(\.reset))
        #expect(settings.handoffAfterMisses == 3)
        #expect(settings.frustrationWords == ["太坑了"])
        #expect(settings.impatienceWords == ["急死人"])
        #expect(report.files.contains("bot.yml"))
    }

    @Test(arguments: [
        (lines("name: 小蜜", "mesages: {}"), 2, ["unknown key 'mesages'", "did you mean 'messages'?"]),
        (lines("messages:", "  fallbak: 啊？"), 2, ["unknown key 'fallbak'", "did you mean 'fallback'?"]),
        (lines("messages:", "  fallback: 没听懂 {value}"), 2, ["message 'fallback' names unknown placeholder '{value}'", "{name}"]),
        (lines("messages:", "  lookup_missing: 没有 {order.id}"), 2, ["table columns are not known here"]),
        (lines("fallback:", "  handoff_after: 0"), 2, ["`fallback.handoff_after` should be a whole number ≥ 1"]),
        (lines("frustration: { words: 太坑了 }"), 1, ["`frustration.words` should be a list"]),
        (lines("- name: 小蜜"), 1, ["bot.yml should be a mapping"]),
    ])
    func mistakesNameFileAndLine(_ text: String, _ line: Int, _ phrases: [String]) throws {
        let report = try check(botYML: text)
        #expect(report.errors.contains { issue in
            issue.file == "bot.yml" && issue.line == line && phrases.allSatisfy { issue.message.contains($0) }
        }, "\(report.issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func readsTheIntentsDialogueMessages() throws {
        let report = try check(botYML: nil)
        let cancel = try #require(report.bot.intent(named: "cancel_order"))
        #expect(cancel.slots[0].invalid?.render(slots: ["value": "2024", "length": "4", "expected": "14"])
                == "订单号是 14 位数字，您输入的 2024 是 4 位。")
        #expect(cancel.lookup?.missing?.render(slots: ["order_id": "2099"]) == "没有找到订单 2099。")
        #expect(cancel.declined?.render(slots: ["order_id": "2024"]) == "好的，订单 2024 不取消。")
    }

    @Test(arguments: [
        ("invalid: 订单号是 {expected} 位数字，您输入的 {value} 是 {length} 位。", "invalid: 您输入的 {valu} 不对。", 10,
         "names unknown placeholder '{valu}'; did you mean '{value}'?"),
        ("missing: '没有找到订单 {order_id}。'", "missing: '没有找到订单 {order.status}。'", 11, "table columns are not known here"),
        ("declined: 好的，订单 {order_id} 不取消。", "declined: 好的，订单 {orderid} 不取消。", 13,
         "the declined message of intent 'cancel_order' names unknown slot '{orderid}'"),
    ])
    func badPlaceholdersInIntentMessages(_ good: String, _ bad: String, _ line: Int, _ phrase: String) throws {
        let report = try check(botYML: nil, intents: Self.intents.replacingOccurrences(of: good, with: bad))
        #expect(report.errors.contains { $0.file == "intents/shop.yml" && $0.line == line && $0.message.contains(phrase) },
                "\(report.issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyMessageKeyHasAParsedDefault() {
        let messages = BotMessages()
        #expect(BotMessages.keyNames.count == 22)
        #expect(messages.slotInvalid.render(slots: ["value": "123", "length": "3", "expected": "14"]) == "您输入的 123 是 3 位，应为 14 位数字，请核对后重新输入。")
        #expect(messages.greeting.parts.contains(.slot("name")))
    }
}
