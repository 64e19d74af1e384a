import BotDefinition
import Testing

/// Cases, offers, free-text slots, table entities, `time_zone` and the warnings of `kefu check`.
@Suite("Cases, free text, table entities and check warnings") struct ShopFeatureTests {
    static let orders = "order_id,status,items\n20261123090909,待付款,音箱\n20261121101010,待发货,羽绒服\n"
    static let productTable = "sku,name,aliases\nP1001,小蜜Air2无线耳机,耳机|earbuds\nP1003,小蜜蓝牙音箱Mini,音箱\n"

    private func check(_ intents: String, botYML: String? = nil, extra: [String: String] = [:]) throws -> BotCheckReport {
        var files = ["intents/shop.yml": intents, "knowledge-base/tables/orders.csv": Self.orders,
                     "knowledge-base/tables/products.csv": Self.productTable]
        if let botYML { files["bot.yml"] = botYML }
        files.merge(extra) { $1 }
        let folder = try BotFolder(text: files)
        defer { folder.remove() }
        return try BotLoader.check(folder: folder.path)
    }

    private func has(_ report: BotCheckReport, _ severity: BotIssue.Severity, line: Int, _ phrases: String...) -> Bool {
        report.issues.contains { $0.severity == severity && $0.line == line && phrases.allSatisfy($0.message.contains) }
    }

    static let returns = lines(
        "entities:",                                                                           // 1
        "  order_id: { pattern: '\\d{14}' }",                                                  // 2
        "intents:",                                                                            // 3
        "  - name: return_request",                                                            // 4
        "    examples: [我想退货, 申请退货]",                                                     // 5
        "    slots:",                                                                          // 6
        "      order_id: { entity: order_id, prompt: 请提供订单号。, reuse: '是订单 {value} 吗？' }", // 7
        "      reason: { entity: text, prompt: 退货原因？, min_length: 2, max_length: 50, normalize: compact, after: [因为] }", // 8
        "    lookup: { table: orders, key: order_id, by: status }",                             // 9
        "    reply: 已提交订单 {order_id} 的退货。",                                              // 10
        "    cases:",                                                                          // 11
        "      待付款: { reply: '订单 {order_id} 还没付款，需要取消吗？', offer: cancel_order }",     // 12
        "      待发货|已发货: { reply: '订单 {order_id}（{order.items}）还没签收。' }",               // 13
        "  - name: cancel_order",                                                              // 14
        "    examples: [取消订单, 不要了]",                                                       // 15
        "    slots:",                                                                          // 16
        "      order_id: { entity: order_id, prompt: 请提供订单号。 }",                           // 17
        "    reply: 已取消 {order_id}。")                                                       // 18

    @Test func casesOffersAndFreeTextAreRead() throws {
        let report = try check(Self.returns)
        #expect(!report.hasErrors, "\(report.issues)")
        let intent = try #require(report.bot.intent(named: "return_request"))
        #expect(intent.lookup?.by == "status")
        #expect(intent.cases.map(\.values) == [["待付款"], ["待发货", "已发货"]])
        #expect(intent.cases[0].offer == "cancel_order")
        #expect(intent.replyCase(for: ["status": " 待付款 "])?.values == ["待付款"])
        #expect(intent.replyCase(for: ["status": "已签收"]) == nil)
        let reason = try #require(intent.slot(named: "reason"))
        #expect(reason.isFreeText)
        #expect(reason.text == FreeTextRule(minimumLength: 2, maximumLength: 50, normalizations: [.compact], leadWords: ["因为"]))
        #expect(intent.slot(named: "order_id")?.reuse?.render(slots: ["value": "1"]) == "是订单 1 吗？")
        // 已发货 is in no row of the table: a warning, not an error.
        #expect(has(report, .warning, line: 13, "no row of table 'orders' has status '已发货'"))
    }

    @Test(arguments: [
        ("by: status", "by: statis", 9, "picks cases by column 'statis'", "did you mean 'status'?"),
        ("offer: cancel_order", "offer: cancel_oder", 12, "offers intent 'cancel_oder', which does not exist", "did you mean 'cancel_order'?"),
        ("{order.items}", "{order.item}", 13, "names column 'item' of table 'orders'", "did you mean 'items'?"),
        (", by: status }", " }", 11, "has `cases:` but its lookup has no `by:` column", "by: status"),
        ("min_length: 2,", "min_length: two,", 8, "`min_length`", "whole number"),
        ("normalize: compact", "normalize: compactt", 8, "unknown normalization 'compactt'", "did you mean 'compact'?"),
        ("reuse: '是订单 {value} 吗？'", "reuse: '是订单 {valeu} 吗？'", 7, "names unknown placeholder '{valeu}'", "{value}"),
    ])
    func mistakesNameTheirLine(good: String, bad: String, line: Int, first: String, second: String) throws {
        let report = try check(Self.returns.replacingOccurrences(of: good, with: bad))
        #expect(has(report, .error, line: line, first, second), "\(report.issues)")
    }

    @Test func freeTextKeysOnAnEntitySlotAreAnError() throws {
        let report = try check(Self.returns.replacingOccurrences(of: "order_id: { entity: order_id, prompt: 请提供订单号。, reuse",
                                                                 with: "order_id: { entity: order_id, min_length: 3, prompt: 请提供订单号。, reuse"))
        #expect(has(report, .error, line: 7, "`min_length` checks free text", "entity: text"))
    }

    static let productIntents = lines(
        "entities:",                                                        // 1
        "  product: { table: products, column: name, aliases: aliases }",   // 2
        "intents:",                                                         // 3
        "  - name: product_question",                                       // 4
        "    examples: [多少钱, 怎么样]",                                      // 5
        "    slots:",                                                       // 6
        "      sku: { entity: product, prompt: 哪件商品？, unknown: '没有卖「{value}」。' }", // 7
        "    reply: 好的。")                                                 // 8

    @Test func aTableEntityNamesItsRows() throws {
        let report = try check(Self.productIntents)
        #expect(!report.hasErrors, "\(report.issues)")
        let entity = try #require(report.bot.tableEntities.first)
        let table = try #require(report.bot.tables["products"])
        #expect(entity.names(in: table).map(\.key) == ["P1001", "P1003"])
        #expect(entity.names(in: table)[0].names == ["小蜜Air2无线耳机", "耳机", "earbuds"])
        #expect(report.bot.knowsEntity("product"))
    }

    @Test(arguments: [
        ("table: products", "table: product", "reads table 'product', which does not exist", "did you mean 'products'?"),
        ("column: name", "column: nmae", "names column 'nmae' of table 'products'", "did you mean 'name'?"),
        ("aliases: aliases", "aliases: alias", "names column 'alias' of table 'products'", "columns: sku, name, aliases"),
    ])
    func aTableEntityChecksItsTableAndColumns(good: String, bad: String, first: String, second: String) throws {
        let report = try check(Self.productIntents.replacingOccurrences(of: good, with: bad))
        #expect(has(report, .error, line: 2, first, second), "\(report.issues)")
        // The slot naming the broken entity is not reported again.
        #expect(report.errors.count == 1, "\(report.issues)")
    }

    @Test func aBadRegexIsReportedOnce() throws {
        let report = try check(lines(
            "entities:",
            "  code: { pattern: '(abc' }",
            "intents:",
            "  - name: order",
            "    examples: [查订单, 订单到哪了]",
            "    slots:",
            "      code: { entity: code, prompt: 编号？ }",
            "    reply: 好的。"))
        #expect(report.errors.count == 1, "\(report.issues)")
        #expect(has(report, .error, line: 2, "invalid regular expression for entity 'code'"))
    }

    @Test func theWarningsOfCheck() throws {
        let report = try check(lines(
            "intents:",                                              // 1
            "  - name: humen_agent",                                 // 2
            "    examples: [转人工, 人工客服]",                          // 3
            "  - name: shipping",                                    // 4
            "    examples: [运费多少, 包邮吗]",                          // 5
            "  - name: coupon",                                      // 6
            "    examples: [优惠券, 领券]",                             // 7
            "    reply: TODO 写优惠券的说明",                            // 8
            "  - name: track",                                       // 9
            "    examples: [查物流, 到哪了]",                            // 10
            "    slots:",                                            // 11
            "      phone: phone",                                    // 12
            "    reply: 好的 {phone}。"),                              // 13
            extra: ["knowledge-base/faq.yml": "- id: x\n  questions: [运费, 邮费]\n  answer: 待补充\n"])
        #expect(!report.hasErrors, "\(report.issues)")
        #expect(has(report, .warning, line: 2, "'humen_agent' is not a special intent", "did you mean 'human_agent'?"))
        #expect(has(report, .warning, line: 4, "'shipping' has neither `reply:` nor `slots:`"))
        #expect(has(report, .warning, line: 6, "reply of intent 'coupon' still says 'todo'"))
        #expect(has(report, .warning, line: 12, "slot 'phone' of intent 'track' has no `prompt:`"))
        #expect(report.issues.contains { $0.file == "knowledge-base/faq.yml" && $0.message.contains("'x' still says '待补充'") })
        #expect(report.warnings.count == 5, "\(report.issues)")
    }

    @Test func theTimeZoneIsRead() throws {
        let intents = lines("intents:", "  - name: a", "    examples: [你好, 您好]", "    reply: 好。")
        #expect(try check(intents, botYML: "time_zone: Asia/Shanghai\n").bot.settings.timeZone?.identifier == "Asia/Shanghai")
        #expect(try check(intents).bot.settings.timeZone == nil)
        let bad = try check(intents, botYML: "time_zone: Asia/Shanghia\n")
        #expect(has(bad, .error, line: 1, "'Asia/Shanghia' is not a time zone", "did you mean 'Asia/Shanghai'?"))
    }

    @Test func tablesFoundByAnotherColumnAreRead() throws {
        let intents = lines("intents:", "  - name: a", "    examples: [你好, 您好]", "    reply: 好。")
        let good = try check(intents, botYML: "tables:\n  orders:\n    find_by: { column: items, entity: phone }\n    prompt: 请告诉我手机号。\n")
        #expect(!good.hasErrors, "\(good.issues)")
        #expect(good.bot.settings.alternateKeys["orders"]?.column == "items")
        let bad = try check(intents, botYML: lines(
            "tables:",                                                              // 1
            "  orders:",                                                            // 2
            "    find_by: { column: phnoe, entity: phone, label: itemz }",          // 3
            "    prompt: 请告诉我手机号。",                                           // 4
            "    several: 共 {count} 个：{rows}，{oops}",                             // 5
            "  orderz:",                                                            // 6
            "    find_by: { column: phone, entity: mobile }",                       // 7
            "    prompt: 手机号？",                                                   // 8
            "  refunds:",                                                           // 9
            "    prompt: 手机号？"))                                                 // 10
        #expect(has(bad, .error, line: 3, "column 'phnoe', which table 'orders' does not have"))
        #expect(has(bad, .error, line: 3, "column 'itemz'", "did you mean 'items'?"))
        #expect(bad.issues.contains { $0.message.contains("{oops}") }, "\(bad.issues)")
        #expect(has(bad, .error, line: 7, "table 'orderz', which does not exist", "did you mean 'orders'?"))
        #expect(has(bad, .error, line: 10, "needs `find_by:"))
    }
}
