import ChatCore
import ChatEngine
import Dialogue
import Entities
import Foundation
import Testing

/// The demo bot at the repo root, loaded once for the suite.
enum DemoBot {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let engine: Result<ChatEngine, ChatEngineError> = Result { () throws(ChatEngineError) in
        try ChatEngine.load(botFolder: root)
    }
    static let now = ReferenceTime(Date(timeIntervalSince1970: 1_796_000_000), in: TimeZone(identifier: "Asia/Shanghai")!)
}

/// Conversations with the real demo bot (intents/, knowledge-base/, bot.yml at the repo root),
/// the way a customer would have them.
@Suite("Demo bot flows") struct DemoBotFlowTests {
    /// Says each line in turn from a new conversation; the replies.
    func talk(_ lines: String...) throws -> [Reply] {
        let engine = try DemoBot.engine.get()
        var state = DialogueState.start
        return lines.map { text in
            let (reply, next) = engine.respond(to: text, in: state, at: DemoBot.now)
            state = next
            return reply
        }
    }

    @Test func orderStatusLookup() throws {
        let replies = try talk("我的订单到哪了", "20261120093015")
        #expect(replies[0].policy == .slotPrompt)
        #expect(replies[0].text == "请提供您的订单号（14位数字）。")
        #expect(replies[1].policy == .intentReply)
        #expect(replies[1].text.contains("运输中"))
        #expect(replies[1].text.contains("快件已到达杭州转运中心"))
        #expect(replies[1].slots == ["order_id": "20261120093015"])
    }

    @Test func thirteenDigitOrderNumber() throws {
        let replies = try talk("帮我查下订单", "2024110512345")
        #expect(replies[1].policy == .slotInvalid)
        #expect(replies[1].text == "订单号是 14 位数字，您输入的 2024110512345 是 13 位，请核对后重新输入。")
    }

    @Test func unknownOrderNumber() throws {
        let replies = try talk("我的订单到哪了", "20990101000000", "20261120093015")
        #expect(replies[1].policy == .lookupMissing)
        #expect(replies[1].text == "没有找到订单 20990101000000，请核对订单号后重新输入。")
        #expect(replies[2].policy == .intentReply)
    }

    @Test func returnThenFollowUpAboutTheFee() throws {
        let replies = try talk("我想退货", "20241105123456", "不想要了", "是的", "可以退货吗", "那运费呢？")
        #expect(replies[0].policy == .slotPrompt)
        #expect(replies[1].policy == .slotPrompt)
        #expect(replies[2].policy == .confirmation)
        #expect(replies[3].policy == .intentReply)
        #expect(replies[3].text.contains("退货申请已提交"))
        #expect(replies[4].answer?.id == "returns-policy")
        #expect(replies[5].policy == .followUp)
        #expect(replies[5].answer?.id == "returns-shipping-fee")
    }

    @Test func followUpInsideTheReturnForm() throws {
        let replies = try talk("我想退货", "那运费呢？", "20241105123456", "不想要了", "是的")
        #expect(replies[1].policy == .followUp)
        #expect(replies[1].answer?.id == "returns-shipping-fee")
        #expect(replies[1].text.hasSuffix("回到刚才的问题：请提供要退货的订单号（14位数字）。"))
        #expect(replies[3].text.hasPrefix("确认为订单 20241105123456"))
        #expect(replies[4].text.contains("退货申请已提交"))
    }

    @Test(arguments: [("人工客服几点上班", "service-hours"), ("退款多久到账", "refunds-time"), ("不想收营销短信", "privacy-sms-unsubscribe"),
                      ("退货运费谁出？", "returns-shipping-fee")])
    func aKnowledgeBaseQuestionWordForWordIsAnswered(line: String, id: String) throws {
        let reply = try talk(line)[0]
        #expect(reply.policy == .knowledgeAnswer)
        #expect(reply.answer?.id == id)
        #expect(reply.answer?.confidence == 1)
        #expect(!reply.handoff)
    }

    @Test func aWordForWordQuestionInsideAFormIsADigression() throws {
        let replies = try talk("我想退货", "退款多久到账", "20241105123456", "不想要了", "是的")
        #expect(replies[1].answer?.id == "refunds-time")
        #expect(replies[1].text.hasSuffix("回到刚才的问题：请提供要退货的订单号（14位数字）。"))
        #expect(replies[3].text.hasPrefix("确认为订单 20241105123456"))
        #expect(replies[4].text.contains("退货申请已提交"))
    }

    @Test func anUpsetRequestKeepsItsFormBehindTheOffer() throws {
        let replies = try talk("一直不回 怎么还不发货", "20261120093015")
        #expect(replies[0].policy == .frustration)
        #expect(replies[1].policy == .intentReply)
        #expect(replies[1].slots == ["order_id": "20261120093015"])
    }

    @Test func anImpatientRequestIsServedAfterTheApology() throws {
        let replies = try talk("磨磨唧唧的 怎么还不发货", "20261120093015")
        #expect(replies[0].text.hasPrefix("非常抱歉让您着急了！请提供您的订单号"))
        #expect(replies[0].source == .intent("delivery_time"))
        #expect(replies[1].source == .table(name: "orders", row: "20261120093015", intent: "delivery_time"))
    }

    @Test func aBareOutburstStartsNoForm() throws {
        let replies = try talk("什么玩意", "不用")
        #expect(replies[0].policy == .frustration)
        #expect(replies[1].text == "好的，小蜜继续为您服务。")
    }

    @Test func aQuestionSaidTwiceInARowIsFrustration() throws {
        let replies = try talk("退货运费谁出", "退货运费谁出")
        #expect(replies[0].answer?.id == "returns-shipping-fee")
        #expect(replies[1].policy == .frustration)
    }

    /// A recording holds lines masked; replayed, each must be read as the live line was.
    @Test(arguments: ["我的手机是13812345678", "手机号13812345678收不到验证码", "邮箱li.wei@example.com，订单20261111000123开发票",
                      "身份证110101199003071233能实名吗", "卡号6222021234567894扣款两次", "13812345678"])
    func aMaskedLineIsReadAsTheLiveOne(line: String) throws {
        let engine = try DemoBot.engine.get()
        let mask = engine.privacyMask
        #expect(mask.mask(line) != line)
        let (live, _) = engine.respond(to: line, in: .start, at: DemoBot.now)
        let (replayed, _) = engine.respond(to: mask.mask(line), in: .start, at: DemoBot.now)
        #expect(replayed.intent == live.intent)
        #expect(replayed.answer?.id == live.answer?.id)
        #expect(replayed.policy == live.policy)
        #expect(mask.mask(replayed.text) == mask.mask(live.text))
    }

    /// The bot's own examples keep their intent, whatever the knowledge base would answer.
    @Test(arguments: [("我的订单什么时候发货", "delivery_time"), ("退款到哪了", "refund_status"), ("这款多少钱", "product_price")])
    func anIntentsOwnExampleStartsItsForm(line: String, intent: String) throws {
        let reply = try talk(line)[0]
        #expect(reply.intent == intent)
        #expect(reply.policy == .slotPrompt)
        #expect(reply.answer == nil)
    }

    @Test func aFeeQuestionIsAnsweredNotAForm() throws {
        let reply = try talk("退货运费谁出")[0]
        #expect(reply.policy == .knowledgeAnswer)
        #expect(reply.answer?.id == "returns-shipping-fee")
        #expect(reply.source == .knowledgeBase(entry: "returns-shipping-fee"))
        #expect(reply.intent == nil)
        #expect(reply.understood?.name == "return_request")
    }

    @Test func digressionInsideTheReturnForm() throws {
        let replies = try talk("我想退货", "退货运费谁出？", "20241105123456", "不想要了", "是的")
        #expect(replies[1].answer?.id == "returns-shipping-fee")
        #expect(replies[1].text.hasSuffix("回到刚才的问题：请提供要退货的订单号（14位数字）。"))
        #expect(replies[3].text.hasPrefix("确认为订单 20241105123456"))
        #expect(replies[4].text.contains("退货申请已提交"))
    }

    @Test func cancelWithConfirmation() throws {
        let replies = try talk("我要取消订单", "20261121101010", "确认")
        #expect(replies[0].policy == .slotPrompt)
        #expect(replies[1].policy == .confirmation)
        #expect(replies[1].text.contains("小蜜轻薄羽绒服"))
        #expect(replies[1].text.hasSuffix("确认取消吗？"))
        #expect(replies[2].policy == .intentReply)
        #expect(replies[2].text.hasPrefix("已为您提交订单 20261121101010 的取消申请"))
    }

    @Test func cancelDeclined() throws {
        let replies = try talk("取消订单 20261121101010", "不用了")
        #expect(replies[0].policy == .confirmation)
        #expect(replies[1].policy == .confirmationDeclined)
        #expect(replies[1].text == "好的，订单 20261121101010 不取消，保持原样。还有什么可以帮您？")
    }

    @Test func knowledgeBaseQuestion() throws {
        let reply = try talk("运费怎么算")[0]
        #expect(reply.policy == .knowledgeAnswer)
        #expect(reply.answer?.id == "shipping-fee")
        #expect(reply.reason.contains("answer shipping-fee"))
    }

    @Test func nonsenseTwiceHandsOff() throws {
        let replies = try talk("asdfghjkl", "呜啦啦呜啦啦", "你好")
        #expect(replies[0].policy == .fallback)
        #expect(!replies[0].handoff)
        #expect(replies[1].policy == .handoff)
        #expect(replies[1].handoff)
        #expect(replies[2].handoff)
    }

    @Test func humanAgentAndFrustration() throws {
        #expect(try talk("转人工")[0].policy == .handoff)
        let upset = try talk("什么破服务，气死我了", "好的")
        #expect(upset[0].policy == .frustration)
        #expect(upset[1].policy == .handoff)
    }
}
