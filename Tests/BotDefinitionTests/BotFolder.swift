import Foundation
import KefuTestSupport

/// A bot folder written into a scratch directory for one test.
struct BotFolder {
    let scratch: ScratchDirectory
    var path: String { scratch.url.path }

    /// Writes each file (path relative to the folder → contents); folders are created as needed.
    init(_ files: [String: [UInt8]], folders: [String] = []) throws {
        scratch = try ScratchDirectory()
        for folder in folders {
            try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for (name, contents) in files {
            let url = scratch.url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents).write(to: url)
        }
    }

    init(text files: [String: String], folders: [String] = []) throws {
        try self.init(files.mapValues { Array($0.utf8) }, folders: folders)
    }

    func remove() { scratch.remove() }
}

/// Lines joined with line breaks, so fixtures read like files and their line numbers are easy to count.
func lines(_ lines: String...) -> String {
    lines.joined(separator: "\n") + "\n"
}

/// A small bot that has no problems at all.
enum GoodBot {
    static let files: [String: String] = [
        "intents/orders.yml": lines(
            "entities:",                                                          // 1
            "  order_id: { pattern: '(?<!\\d)\\d{14}(?!\\d)' }",                  // 2
            "  city: { values: { 北京: [北京市, 帝都, beijing], 上海: 魔都, 广州: } }", // 3
            "intents:",                                                           // 4
            "  - name: order_status",                                             // 5
            "    description: 查询订单物流状态",                                      // 6
            "    examples:",                                                      // 7
            "      - 我的订单到哪了",                                                // 8
            "      - 快递怎么还没到",                                                // 9
            "      - 帮我查一下订单 20241105123456",                                  // 10
            "      - where is my order",                                          // 11
            "    slots:",                                                         // 12
            "      order_id: { entity: order_id, prompt: 请提供您的订单号（14位数字）。 }", // 13
            "    lookup: { table: orders, key: order_id }",                       // 14
            "    reply: 订单 {order_id} 当前状态：{order.status}，预计 {orders.eta} 送达。", // 15
            "  - name: cancel_order",                                             // 16
            "    examples: [取消订单, 我不想要了帮我取消]",                             // 17
            "    slots:",                                                         // 18
            "      order_id: { entity: order_id, prompt: 请提供要取消的订单号。 }",    // 19
            "      phone: { entity: phone, prompt: 请留下手机号。 }",                  // 20
            "    confirm: 确认取消订单 {order_id} 吗？",                              // 21
            "    reply: 已为您取消订单 {order_id}。"                                   // 22
        ),
        "intents/chitchat.yaml": lines(
            "intents:",
            "  - name: greet",
            "    examples: [你好, 在吗, hello]",
            "    reply: 您好！{{客服}}在此。"
        ),
        "knowledge-base/shipping.yml": lines(
            "- id: shipping-fee",                                                 // 1
            "  questions: [运费怎么算, 包邮吗, 满多少包邮, how much is shipping]",      // 2
            "  answer: 订单满 99 元包邮，不满 99 元收取 8 元运费。",                     // 3
            "  tags: [shipping]",                                                 // 4
            "- id: shipping-time",                                                // 5
            "  questions:",                                                       // 6
            "    - 多久发货",                                                       // 7
            "  answer: 付款后 48 小时内发货。"                                        // 8
        ),
        "knowledge-base/tables/orders.csv":
            "order_id,status,eta\r\n20241105123456,已发货,11月8日\r\n20241105000001,\"待发货，缺货\",\"11月\"\"10\"\"日\"\r\n",
        "knowledge-base/dictionary.txt": lines("退货运费险 5000 n", "七天无理由", "# a comment", ""),
    ]
}
