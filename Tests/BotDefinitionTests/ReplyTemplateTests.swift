import BotDefinition
import Testing

@Suite("Reply templates") struct ReplyTemplateTests {
    @Test("parts", arguments: [
        ("您好", [ReplyTemplate.Part.text("您好")]),
        ("{order_id}", [.slot("order_id")]),
        ("订单{order_id}：{order.status}", [.text("订单"), .slot("order_id"), .text("："), .field(alias: "order", column: "status")]),
        ("{{字面}}", [.text("{字面}")]),
        ("a{{{x}}}b", [.text("a{"), .slot("x"), .text("}b")]),
        ("{ order_id }", [.slot("order_id")]),
        ("{订单号}", [.slot("订单号")]),
        ("", []),
    ])
    func parts(_ source: String, _ expected: [ReplyTemplate.Part]) throws {
        let template = try ReplyTemplate(parsing: source)
        #expect(template.parts == expected)
        #expect(template.source == source)
    }

    @Test("syntax errors say what to write", arguments: [
        ("订单 {order_id", "not closed"),
        ("订单 }", "has no '{'"),
        ("{}", "is not a slot name"),
        ("{a.b.c}", "is not a slot name"),
        ("{a b}", "is not a slot name"),
        ("{.status}", "is not a slot name"),
        ("{a{b}", "not closed"),
    ])
    func errors(_ source: String, _ phrase: String) {
        #expect {
            _ = try ReplyTemplate(parsing: source)
        } throws: { error in
            (error as? ReplyTemplateError)?.problem.contains(phrase) == true
        }
    }

    @Test("table aliases: the name, and the name without one trailing s", arguments: [
        ("orders", ["order", "orders"]),
        ("order", ["order"]),
        ("addresses", ["addresse", "addresses"]),
        ("s", ["s"]),
        ("价格", ["价格"]),
    ])
    func aliases(_ table: String, _ expected: [String]) {
        #expect(TableLookup.aliases(ofTable: table) == expected)
    }

    @Test func rendering() throws {
        let template = try ReplyTemplate(parsing: "订单 {order_id}：{order.status}")
        #expect(template.slotNames == ["order_id"])
        #expect(template.render(slots: ["order_id": "1"], record: ["status": "已发货"]) == "订单 1：已发货")
        #expect(template.render(slots: ["order_id": "1"]) == nil)
    }
}
