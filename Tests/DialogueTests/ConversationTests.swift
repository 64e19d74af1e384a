import BotDefinition
import ChatCore
import Dialogue
import Testing

@Suite("Misses, hand-off, frustration, reset and small talk") struct ConversationTests {
    @Test func twoMissesInARowHandOff() {
        var chat = Conversation()
        let first = chat.say(line("啊吧啊吧"))
        #expect(first.text == "抱歉，我没有理解您的意思，能换个说法吗？")
        #expect(first.policy == .fallback)
        #expect(!first.handoff)
        #expect(chat.state.fallbacks == 1)
        let second = chat.say(line("今天天气怎么样", "out_of_scope"))
        #expect(second.policy == .handoff)
        #expect(second.handoff)
        #expect(second.reason.contains("miss 2 of 2"))
        #expect(chat.state.handoff)
        let later = chat.say(line("我的订单到哪了", "order_status"))
        #expect(later.policy == .handoff)
        #expect(later.text.contains("已转接人工客服"))
        #expect(later.handoff)
    }

    @Test func anUnderstoodLineBetweenMissesStartsTheCountAgain() {
        var chat = Conversation()
        chat.say(line("啊吧啊吧"))
        chat.say(line("你好", "greeting"))
        let reply = chat.say(line("啊吧啊吧啊"))
        #expect(reply.policy == .fallback)
        #expect(!chat.state.handoff)
    }

    @Test func aMissInAFormAsksTheQuestionAgain() {
        var chat = Conversation()
        chat.say(line("我想退货", "return_request"))
        let reply = chat.say(line("呜呜呜呜呜"))
        #expect(reply.text == "抱歉，我没有理解您的意思，能换个说法吗？\n请提供要退货的订单号（14位数字）。")
        #expect(reply.policy == .fallback)
    }

    @Test func theBotsSettingsChangeMessagesAndTheLimit() throws {
        let bot = try TestBot.load(botYML: """
            name: 小蜜
            messages:
              fallback: '{name}没听懂，换个说法？'
            fallback: { handoff_after: 3 }
            """)
        var chat = Conversation(bot: bot)
        #expect(chat.say(line("啊吧")).text == "小蜜没听懂，换个说法？")
        #expect(chat.say(line("啊吧啊")).policy == .fallback)
        #expect(chat.say(line("啊吧啊吧")).policy == .handoff)
    }

    @Test func askingForAHumanHandsOffAtAnyTime() {
        var chat = Conversation()
        chat.say(line("取消订单", "cancel_order"))
        let reply = chat.say(line("转人工", "human_agent", 0.97))
        #expect(reply.text == "好的，正在为您转接人工客服，请稍候。")
        #expect(reply.policy == .handoff)
        #expect(reply.handoff)
        #expect(chat.state.activeIntent == nil)
        #expect(chat.say(line("在吗", "greeting")).policy == .handoff)
    }

    @Test func resetStartsOverEvenAfterAHandOff() {
        var chat = Conversation()
        chat.say(line("我想退货", "return_request"))
        chat.say(line("转人工", "human_agent"))
        let reply = chat.say(line("重新开始", "reset"))
        #expect(reply.policy == .reset)
        #expect(!reply.handoff)
        #expect(chat.state == DialogueState(turns: 3))
    }

    @Test(arguments: [line("什么破服务，气死我了"), line("到底什么时候发货！！！"), line("我要投诉", "complaint"),
                      line("This is useless")])
    func frustrationApologisesAndOffersAHuman(_ upset: Utterance) {
        var chat = Conversation()
        let reply = chat.say(upset)
        #expect(reply.text == "非常抱歉给您带来了不好的体验！需要我为您转接人工客服吗？")
        #expect(reply.policy == .frustration)
        #expect(!reply.handoff)
        #expect(chat.state.pending == .humanOffer)
        let yes = chat.say(line("好的"))
        #expect(yes.policy == .handoff)
        #expect(yes.handoff)
    }

    @Test func theSameLineTwiceIsACue() {
        var chat = Conversation()
        chat.say(line("我的积分去哪了"))
        let reply = chat.say(line("我的积分去哪了"))
        #expect(reply.policy == .frustration)
        #expect(reply.reason.contains("the same line twice"))
    }

    @Test func declinedOfferGoesBackToTheFormAndASecondUpsetHandsOff() {
        var chat = Conversation()
        chat.say(line("我想退货", "return_request"))
        chat.say(line("太慢了"))
        let declined = chat.say(line("不用"))
        #expect(declined.text == "好的，那我继续为您服务。请提供要退货的订单号（14位数字）。")
        #expect(declined.policy == .slotPrompt)
        #expect(chat.state.pending == .slot("order_id"))
        let again = chat.say(line("垃圾"))
        #expect(again.policy == .handoff)
        #expect(again.handoff)
        #expect(again.reason.contains("upset again"))
    }

    @Test func anotherLineAfterTheOfferIsAnsweredNormally() {
        var chat = Conversation()
        chat.say(line("我想退货", "return_request"))
        chat.say(line("太慢了"))
        let reply = chat.say(order("20241105123456", "20241105123456"))
        #expect(reply.policy == .intentReply)
    }

    @Test func smallTalkUsesTheIntentsReplyOrTheDefault() {
        var chat = Conversation()
        #expect(chat.say(line("你好", "greeting")).text == "您好！请问有什么可以帮您？")
        let thanks = chat.say(line("谢谢", "thanks"))
        #expect(thanks.text == "不客气，很高兴能帮到您！还有其他问题随时找我。")
        #expect(thanks.policy == .smallTalk)
        #expect(chat.say(line("好的", "affirm")).text == "好的。还有什么可以帮您？")
    }

    @Test func smallTalkInAFormAsksAgainAndGoodbyeEndsIt() {
        var chat = Conversation()
        chat.say(line("我想退货", "return_request"))
        let thanks = chat.say(line("谢谢", "thanks"))
        #expect(thanks.text.hasSuffix("回到刚才的问题：请提供要退货的订单号（14位数字）。"))
        let bye = chat.say(line("再见", "goodbye"))
        #expect(bye.text == "感谢您的咨询，祝您生活愉快，再见！")
        #expect(chat.state.activeIntent == nil)
    }

    @Test func everyReplyRecordsWhy() {
        var chat = Conversation()
        let prompt = chat.say(line("我的订单到哪了", "order_status", 0.87))
        #expect(prompt.reason == "intent order_status 0.87; form order_status; slot order_id missing → prompt")
        let done = chat.say(order("20241105123456", "20241105123456"))
        #expect(done.reason == "no intent; filled order_id=20241105123456; row '20241105123456' found in table orders; every slot filled → reply of order_status")
        let answer = chat.say(line("怎么开发票"))
        #expect(answer.reason == "no intent; answer invoice 0.90 accepted; accepted answer")
        #expect(answer.answer == AnswerChoice(id: "invoice", confidence: 0.9))
    }
}
