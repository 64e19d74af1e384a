import BotDefinition
import ChatCore
import Dialogue
import Foundation
import KefuTestSupport

/// A bot with the features of a real shop for the dialogue tests: replies chosen by an order's
/// status, an offer to cancel an unpaid order, remembered values offered to the next form,
/// free-text slots (an address, an invoice title, a tax number) and a product slot that says
/// when a product is not sold.
enum ShopBot {
    static let intents = """
        entities:
          order_id: { pattern: '(?<!\\d)\\d{14}(?!\\d)' }
          product: { values: { P1: [耳机], P2: [音箱] } }
        intents:
          - name: order_status
            examples: [我的订单到哪了, 查物流]
            slots:
              order_id: { entity: order_id, prompt: 请提供订单号。, reuse: '是订单 {value} 吗？' }
            lookup: { table: orders, key: order_id, by: status }
            reply: 订单 {order_id}：{order.status}。
            cases:
              待付款: { reply: '订单 {order_id} 还没有付款。' }
              已发货|运输中: { reply: '订单 {order_id} 在路上了，预计 {order.eta} 到。' }
          - name: delivery_time
            examples: [什么时候到, 催一下]
            slots:
              order_id: { entity: order_id, prompt: 请提供订单号。, reuse: '是订单 {value} 吗？' }
            lookup: { table: orders, key: order_id }
            reply: 订单 {order_id} 预计 {order.eta} 送达，已帮您催促。
          - name: return_request
            examples: [我想退货, 申请退货]
            slots:
              order_id: { entity: order_id, prompt: 请提供要退货的订单号。, reuse: '是订单 {value} 吗？' }
              reason: { entity: text, prompt: 请说一下退货原因。, min_length: 2 }
            lookup: { table: orders, key: order_id, by: status }
            confirm: 确认为订单 {order_id}（{order.items}）申请退货吗？原因：{reason}
            reply: 订单 {order_id} 的退货申请已提交。
            cases:
              待付款:
                reply: 订单 {order_id} 还没有付款，不需要退货。需要帮您取消这个订单吗？
                offer: cancel_order
          - name: cancel_order
            examples: [取消订单, 我要取消订单]
            slots:
              order_id: { entity: order_id, prompt: 请提供要取消的订单号。, reuse: '是订单 {value} 吗？' }
            lookup: { table: orders, key: order_id, by: status }
            confirm: 订单 {order_id}（{order.items}，已付 {order.amount} 元）取消后款项原路退回，确认取消吗？
            declined: 好的，订单 {order_id} 不取消，保持原样。
            reply: 已取消订单 {order_id}，{order.amount} 元原路退回。
            cases:
              待付款:
                confirm: 订单 {order_id} 还没付款，取消后不会扣款，确认取消吗？
                reply: 已取消订单 {order_id}（未付款，无需退款）。
              已发货|运输中: { reply: '订单 {order_id} 已经发出，不能直接取消，可以拒收或签收后退货。' }
          - name: change_address
            examples: [改地址, 地址写错了]
            slots:
              order_id: { entity: order_id, prompt: 请提供要改地址的订单号。, reuse: '是订单 {value} 吗？' }
              address: { entity: text, prompt: 请告诉我新的收货地址。, min_length: 6, after: [改成, 换成], invalid: '地址「{value}」太短了，请写到门牌号。' }
            lookup: { table: orders, key: order_id }
            confirm: 将订单 {order_id} 的收货地址改为「{address}」，确认吗？
            reply: 已把订单 {order_id} 的地址改为「{address}」。
          - name: invoice_request
            examples: [开发票, 我要开专票]
            slots:
              title: { entity: text, prompt: 请提供发票抬头。 }
              tax_number: { entity: text, prompt: 请提供税号。, pattern: '[0-9A-Z]{15,20}', normalize: [compact, upper], invalid: '税号「{value}」不对，应为 15-20 位数字或字母。' }
            reply: 已为「{title}」（税号 {tax_number}）登记专用发票。
          - name: product_question
            examples: [多少钱, 这个怎么样]
            slots:
              sku: { entity: product, prompt: 您想了解哪件商品？, unknown: '抱歉，小蜜商城没有卖「{value}」。您想了解哪件商品？' }
            reply: 商品 {sku}。
          - name: human_agent
            examples: [转人工, 人工客服]
          - name: reset
            examples: [重新开始, 重来]
          - name: complaint
            examples: [我要投诉, 你们怎么回事]
          - name: affirm
            examples: [是的, 确认]
          - name: deny
            examples: [不是, 不要]

        """

    static let knowledgeBase = """
        - id: service-hours
          questions: [客服几点下班, 人工客服几点上班]
          answer: 人工客服每天 9:00-22:00 在线。
          tags: [service]
        - id: promotion-dates
          questions: [双十一什么时候开始]
          answer: 双十一活动 11 月 1 日开始。
          tags: [promotions]

        """

    static let orders = """
        order_id,status,eta,items,amount,phone
        20261120093015,运输中,11月30日,手环,199.00,13800000001
        20261121101010,待发货,12月2日,羽绒服,459.00,13800000002
        20261123090909,待付款,—,音箱,149.00,13800000002
        SF1402387765120,已签收,11月20日,耳机,299.00,13800000003

        """

    /// Orders found by the phone they were placed with when the customer lacks the number.
    static let settings = """
        tables:
          orders:
            find_by: { column: phone, entity: phone, label: items }
            prompt: 请告诉我下单手机号。
            several: 手机号 {value} 有 {count} 个订单：{rows}，是哪一个？
            none: 手机号 {value} 下没有订单。

        """

    static let bot: Bot = {
        do {
            let scratch = try ScratchDirectory()
            defer { scratch.remove() }
            let root = scratch.url
            try FileManager.default.createDirectory(at: root.appendingPathComponent("intents"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("knowledge-base/tables"), withIntermediateDirectories: true)
            try Data(intents.utf8).write(to: root.appendingPathComponent("intents/shop.yml"))
            try Data(knowledgeBase.utf8).write(to: root.appendingPathComponent("knowledge-base/faq.yml"))
            try Data(orders.utf8).write(to: root.appendingPathComponent("knowledge-base/tables/orders.csv"))
            try Data(settings.utf8).write(to: root.appendingPathComponent("bot.yml"))
            return try Bot.load(from: root.path)
        } catch {
            fatalError("the shop test bot does not load: \(error)")
        }
    }()

    /// The knowledge base: the two entries, found by their words.
    static let knowledge = FakeKnowledge(rules: [
        (["几点"], "service-hours", 0.9),
        (["双十一"], "promotion-dates", 0.9),
    ])

    /// A conversation with the shop bot; `vocabulary` is what the bot knows of words.
    static func conversation(vocabulary: BotVocabulary = []) -> ShopConversation {
        ShopConversation(manager: DialogueManager(bot: bot, vocabulary: vocabulary))
    }
}

struct ShopConversation {
    let manager: DialogueManager
    var state = DialogueState.start

    @discardableResult
    mutating func say(_ utterance: Utterance) -> Reply {
        let (reply, next) = manager.respond(to: utterance, in: state, knowledge: ShopBot.knowledge)
        state = next
        return reply
    }
}

/// Tokens for `words` laid end to end, each of `kind` (Chinese words unless it is Latin or digits).
func tokens(_ words: [String]) -> [Token] {
    var tokens: [Token] = []
    var scalar = 0, byte = 0
    for word in words {
        let count = word.unicodeScalars.count, bytes = word.utf8.count
        let kind: Token.Kind = word.allSatisfy(\.isNumber) ? .number : word.allSatisfy(\.isASCII) ? .latin : .word
        tokens.append(Token(text: word, normalized: word.lowercased(), kind: kind, utf8Range: byte..<byte + bytes,
                            scalarRange: scalar..<scalar + count))
        scalar += count
        byte += bytes
    }
    return tokens
}
