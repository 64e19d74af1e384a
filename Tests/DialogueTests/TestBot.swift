import BotDefinition
import ChatCore
import Dialogue
import Foundation
import KefuTestSupport

/// A small shop bot for the dialogue tests, read from YAML written here, with lines understood
/// by hand (intent and entities chosen by the test) and a fixed knowledge base.
enum TestBot {
    static let intents = """
        entities:
          order_id: { pattern: '(?<!\\d)\\d{14}(?!\\d)' }
        intents:
          - name: order_status
            examples: [我的订单到哪了, 查物流]
            slots:
              order_id:
                entity: order_id
                prompt: 请提供您的订单号（14位数字）。
                invalid: 订单号是 14 位数字，您输入的 {value} 是 {length} 位，请核对后重新输入。
            lookup: { table: orders, key: order_id, missing: '没有找到订单 {order_id}，请核对订单号。' }
            reply: 订单 {order_id} 当前状态：{order.status}，预计 {order.eta} 送达。
          - name: cancel_order
            examples: [取消订单, 我要取消订单]
            slots:
              order_id: { entity: order_id, prompt: 请提供要取消的订单号（14位数字）。 }
            lookup: { table: orders, key: order_id }
            confirm: 订单 {order_id}（{order.items}）取消后无法恢复，确认取消吗？
            declined: 好的，订单 {order_id} 不取消。
            reply: 已为您取消订单 {order_id}。
          - name: return_request
            examples: [我想退货, 申请退货]
            slots:
              order_id: { entity: order_id, prompt: 请提供要退货的订单号（14位数字）。 }
            reply: 订单 {order_id} 的退货申请已提交。
          - name: coupon_question
            examples: [优惠券怎么用, 有优惠券吗]
            reply: 优惠券在「我的-优惠券」查看。
          - name: greeting
            examples: [你好, 您好]
            reply: 您好！请问有什么可以帮您？
          - name: thanks
            examples: [谢谢, 多谢]
          - name: goodbye
            examples: [再见, 拜拜]
          - name: affirm
            examples: [是的, 确认]
          - name: deny
            examples: [不是, 不要]
          - name: human_agent
            examples: [转人工, 人工客服]
          - name: reset
            examples: [重新开始, 重来]
          - name: complaint
            examples: [我要投诉, 投诉你们]
          - name: out_of_scope
            examples: [今天天气怎么样, 讲个笑话]

        """

    static let knowledgeBase = """
        - id: return-policy
          questions: [可以退货吗, 退货政策是什么]
          answer: 签收后 7 天内可无理由退货。
          tags: [returns]
        - id: return-shipping-fee
          questions: [退货运费谁出, 退货要运费吗]
          answer: 质量问题退货运费由我们承担，无理由退货运费由您承担。
          tags: [returns, shipping]
        - id: shipping-fee
          questions: [运费怎么算, 包邮吗]
          answer: 订单满 99 元包邮。
          tags: [shipping]
        - id: invoice
          questions: [怎么开发票, 发票怎么申请]
          answer: 签收后在「我的订单」里申请电子发票。
          tags: [invoices]

        """

    static let orders = """
        order_id,status,eta,items
        20241105123456,已发货,11月8日,蓝牙耳机
        20241106000001,待发货,11月10日,保温杯

        """

    /// The bot, loaded from a scratch folder (with `botYML` as its `bot.yml` when given).
    static func load(botYML: String? = nil) throws -> Bot {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let root = scratch.url
        try FileManager.default.createDirectory(at: root.appendingPathComponent("intents"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("knowledge-base/tables"), withIntermediateDirectories: true)
        try Data(intents.utf8).write(to: root.appendingPathComponent("intents/shop.yml"))
        try Data(knowledgeBase.utf8).write(to: root.appendingPathComponent("knowledge-base/faq.yml"))
        try Data(orders.utf8).write(to: root.appendingPathComponent("knowledge-base/tables/orders.csv"))
        if let botYML { try Data(botYML.utf8).write(to: root.appendingPathComponent("bot.yml")) }
        return try Bot.load(from: root.path)
    }

    static let bot: Bot = {
        do { return try load() } catch { fatalError("the dialogue test bot does not load: \(error)") }
    }()
}

/// A line understood by hand: `intent` with `confidence` (nil: out of scope) and the entities
/// named, each found where its text is in the line.
func line(_ text: String, _ intent: String? = nil, _ confidence: Double = 0.9,
          entities: [(name: String, text: String)] = []) -> Utterance {
    let scalars = Array(text.unicodeScalars)
    let found = entities.map { entity -> Entity in
        let needle = Array(entity.text.unicodeScalars)
        let start = (0...max(0, scalars.count - needle.count)).first {
            Array(scalars[$0..<min(scalars.count, $0 + needle.count)]) == needle
        } ?? 0
        return Entity(name: entity.name, value: .text(entity.text), text: entity.text,
                      scalarRange: start..<(start + needle.count), source: .pattern)
    }
    let score = intent.map { IntentScore(name: $0, confidence: confidence) }
    return Utterance(text: text, tokens: [], prediction: IntentPrediction(intent: score, ranking: score.map { [$0] } ?? []),
                     entities: found)
}

/// An order-number line: `number` is an `order_id` entity.
func order(_ text: String, _ number: String, _ intent: String? = nil) -> Utterance {
    line(text, intent, entities: [(name: "order_id", text: number)])
}

/// A knowledge base that answers by words in the query: the first rule whose words are all in
/// the query gives its entry and confidence (accepted from 0.5).
struct FakeKnowledge: KnowledgeSearch {
    var rules: [(words: [String], id: String, confidence: Double)]

    func answers(for query: String, limit: Int) -> [KnowledgeAnswer] {
        guard limit > 0, let rule = rules.first(where: { $0.words.allSatisfy(query.contains) }) else { return [] }
        return [KnowledgeAnswer(choice: AnswerChoice(id: rule.id, confidence: rule.confidence), isAccepted: rule.confidence >= 0.5)]
    }

    static let shop = FakeKnowledge(rules: [
        (["退货", "运费"], "return-shipping-fee", 0.85),
        (["运费"], "shipping-fee", 0.8),
        (["退货", "吗"], "return-policy", 0.9),
        (["发票"], "invoice", 0.9),
        (["天气"], "shipping-fee", 0.2),
    ])
}

/// A conversation with the test bot: each line's reply, the state carried along.
struct Conversation {
    let manager: DialogueManager
    var knowledge: any KnowledgeSearch = FakeKnowledge.shop
    var state = DialogueState.start

    init(bot: Bot = TestBot.bot) {
        manager = DialogueManager(bot: bot)
    }

    @discardableResult
    mutating func say(_ utterance: Utterance) -> Reply {
        let (reply, next) = manager.respond(to: utterance, in: state, knowledge: knowledge)
        state = next
        return reply
    }
}
