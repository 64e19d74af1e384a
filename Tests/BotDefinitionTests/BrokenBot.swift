/// A bot folder with one of each kind of error (and the warnings), and where each is reported.
enum BrokenBot {
    static let files: [String: [UInt8]] = [
        "intents/orders.yml": Array(lines(
            "entities:",                                                  // 1
            "  order_id: { pattern: '(?<!\\d)\\d{14}(?!\\d)' }",          // 2
            "  bad_regex: { pattern: '(abc' }",                           // 3
            "  phone: { pattern: '\\d+' }",                               // 4
            "intents:",                                                   // 5
            "  - name: order_status",                                     // 6
            "    exmaples: [我的订单到哪了]",                                 // 7
            "    examples:",                                              // 8
            "      - 我的订单到哪了",                                        // 9
            "      - 快递怎么还没到",                                        // 10
            "    slots:",                                                 // 11
            "      order_id: { entity: order_id }",                       // 12
            "      city: { entity: cty }",                                // 13
            "    lookup: { table: orders, key: order_no }",               // 14
            "    reply: 订单 {order_id}：{order.state}，{who}",             // 15
            "  - name: order_status",                                     // 16
            "    examples: 我要退货",                                       // 17
            "  - name: greet",                                            // 18
            "    examples: [你好]",                                        // 19
            "    slots: [order_id]",                                      // 20
            "  - name: ask_price",                                        // 21
            "    examples: [多少钱, 我的订单到哪了, ？？？]",                    // 22
            "    lookup: { table: prices, key: item }",                   // 23
            "    reply: '{unclosed'"                                      // 24
        ).utf8),
        "intents/syntax.yml": Array(lines(
            "intents:",
            "  - name: refund",
            "    examples: [退款, 退钱]",
            "   reply: bad indent"                                        // 4
        ).utf8),
        "intents/dupkey.yml": Array(lines(
            "intents:",
            "  - name: hello",
            "    examples: [你好呀, 您好]",                                   // 3
            "    examples: [嗨, 哈喽]"
        ).utf8),
        "intents/latin1.yml": Array("intents:\n  - name: caf".utf8) + [0xE9] + Array("\n    examples: [a, b]\n".utf8),
        "knowledge-base/a.yml": Array(lines(
            "- id: shipping-fee",                                         // 1
            "  questions: [运费怎么算]",                                    // 2
            "  answer: 满99包邮",                                          // 3
            "- id: no-questions",                                         // 4
            "  answer: 有",                                               // 5
            "- id: no-answer",                                            // 6
            "  questions: [有吗]",                                         // 7
            "  tagz: [x]"                                                 // 8
        ).utf8),
        "knowledge-base/b.yml": Array(lines(
            "- id: shipping-fee",                                         // 1
            "  questions: [包邮吗]",
            "  answer: 是"
        ).utf8),
        "knowledge-base/tables/orders.csv": Array("order_id,status,eta\n1,ok,today\n2,ok\n".utf8),   // line 3: 2 fields
        "knowledge-base/tables/broken.csv": Array("a,b\n\"x,1\n".utf8),                              // line 2: unclosed quote
        "knowledge-base/dictionary.txt": Array(lines("好评返现 100", "差评 -5").utf8),                 // line 2
    ]

    /// Every error: file, line, and phrases its message must contain.
    static let errors: [(file: String, line: Int?, phrases: [String])] = [
        ("intents/dupkey.yml", 3, ["'examples' appears more than once"]),
        ("intents/latin1.yml", 2, ["invalid UTF-8"]),
        ("intents/orders.yml", 3, ["invalid regular expression", "bad_regex", "expected ')'"]),
        ("intents/orders.yml", 4, ["'phone' is a built-in entity"]),
        ("intents/orders.yml", 7, ["unknown key 'exmaples'", "did you mean 'examples'?", "allowed keys: name, description, examples"]),
        ("intents/orders.yml", 13, ["slot 'city'", "unknown entity 'cty'", "declare it under `entities:`"]),
        ("intents/orders.yml", 14, ["lookup key 'order_no'", "not one of its slots", "order_id, city"]),
        ("intents/orders.yml", 15, ["column 'state' of table 'orders'", "columns: order_id, status, eta"]),
        ("intents/orders.yml", 15, ["unknown slot '{who}'"]),
        ("intents/orders.yml", 16, ["duplicate intent name 'order_status'", "intents/orders.yml:6"]),
        ("intents/orders.yml", 17, ["should be a list, found text"]),
        ("intents/orders.yml", 19, ["intent 'greet' has only 1 example", "at least 2"]),
        ("intents/orders.yml", 20, ["slots of intent 'greet' should be a mapping", "found a list"]),
        ("intents/orders.yml", 23, ["table 'prices', which does not exist", "knowledge-base/tables/prices.csv"]),
        ("intents/orders.yml", 23, ["lookup key 'item'", "the intent has no slots"]),
        ("intents/orders.yml", 24, ["is not closed", "'{{'"]),
        ("intents/syntax.yml", 4, ["YAML syntax error", "indentation"]),
        ("knowledge-base/a.yml", 4, ["'no-questions' has no `questions:`"]),
        ("knowledge-base/a.yml", 6, ["'no-answer' has no `answer:`"]),
        ("knowledge-base/a.yml", 8, ["unknown key 'tagz'", "did you mean 'tags'?"]),
        ("knowledge-base/b.yml", 1, ["duplicate knowledge-base id 'shipping-fee'", "knowledge-base/a.yml:1"]),
        ("knowledge-base/dictionary.txt", 2, ["negative"]),
        ("knowledge-base/tables/broken.csv", 2, ["never closed"]),
        ("knowledge-base/tables/orders.csv", 3, ["2 fields but the header has 3"]),
    ]

    /// Every warning: file, line, and phrases.
    static let warnings: [(file: String, line: Int?, phrases: [String])] = [
        ("intents/orders.yml", 12, ["slot 'order_id' of intent 'order_status' has no `prompt:`"]),
        ("intents/orders.yml", 13, ["slot 'city' of intent 'order_status' has no `prompt:`"]),
        ("intents/orders.yml", 16, ["intent 'order_status' has neither `reply:` nor `slots:`"]),
        ("intents/orders.yml", 22, ["'我的订单到哪了' of intent 'ask_price' is also an example of intent 'order_status'", "intents/orders.yml:9"]),
        ("intents/orders.yml", 22, ["'？？？'", "no words"]),
    ]
}
