import ChatCore
import Dialogue
import Testing

@Suite("Knowledge-base answers, follow-ups and digressions") struct KnowledgeTests {
    @Test func aFollowUpIsReadWithThePreviousAnswer() {
        var chat = Conversation()
        let first = chat.say(line("可以退货吗"))
        #expect(first.answer?.id == "return-policy")
        #expect(chat.state.lastAnswer == "return-policy")
        let followUp = chat.say(line("那运费呢？"))
        #expect(followUp.answer?.id == "return-shipping-fee")
        #expect(followUp.policy == .followUp)
        #expect(followUp.reason.contains("follow-up of return-policy"))
        #expect(chat.state.lastAnswer == "return-shipping-fee")
    }

    /// Knowledge whose combined follow-up queries are never accepted: the follow-up must rest on
    /// a shared tag and the line's own ranking.
    static let doubtful = FakeKnowledge(rules: [
        (["运费", "退货"], "return-shipping-fee", 0.1),
        (["订单", "退货"], "return-shipping-fee", 0.1),
        (["运费"], "return-shipping-fee", 0.3),
        (["退货", "吗"], "return-policy", 0.9),
        (["订单"], "invoice", 0.2),
    ])

    @Test func aFollowUpWithoutAnAcceptedAnswerNeedsASharedTagAndTheLinesOwnRanking() {
        var chat = Conversation()
        chat.knowledge = Self.doubtful
        chat.say(line("可以退货吗"))
        let followUp = chat.say(line("那运费呢？"))
        #expect(followUp.policy == .followUp)
        #expect(followUp.answer?.id == "return-shipping-fee")
        #expect(followUp.reason.contains("shares tag returns with return-policy, #1 for the line alone"))
        chat.say(line("可以退货吗"))
        let unrelated = chat.say(line("我的订单呢？"))
        #expect(unrelated.policy == .fallback)
    }

    /// A question to a form is answered from the knowledge base when the answer is confident — not
    /// when it is about the customer's own case.
    @Test(arguments: [("能退货吗", true), ("我的退货能退吗", false), ("我买的能退货吗", false)])
    func aQuestionAboutTheirOwnCaseStartsTheForm(text: String, answered: Bool) {
        var chat = Conversation()
        let reply = chat.say(line(text, "return_request", 0.95))
        #expect((reply.answer?.id == "return-policy") == answered)
        #expect((chat.state.pending == .slot("order_id")) == !answered)
    }

    /// Below `answerOverForm` an answer still beats a form whose intent is less sure than it.
    @Test(arguments: [(0.45, true), (0.8, false)])
    func aLessConfidentAnswerBeatsAWeakerForm(intentConfidence: Double, answered: Bool) {
        var chat = Conversation()
        chat.knowledge = FakeKnowledge(rules: [(["正品"], "invoice", 0.6)])
        let reply = chat.say(line("是正品吗", "return_request", intentConfidence))
        #expect((reply.answer?.id == "invoice") == answered, "\(reply.reason)")
    }

    @Test func withoutAPreviousAnswerTheSameLineIsAskedAlone() {
        var chat = Conversation()
        let reply = chat.say(line("那运费呢？"))
        #expect(reply.answer?.id == "shipping-fee")
        #expect(reply.policy == .knowledgeAnswer)
    }

    /// A question read as an intent with a plain reply while a form waits is first searched with
    /// the form's topic: 「要注意些啥？」 in a return is about the return.
    @Test(arguments: [true, false])
    func aQuestionInAFormIsAboutTheForm(inForm: Bool) {
        var chat = Conversation()
        chat.knowledge = FakeKnowledge(rules: [(["注意", "退货"], "return-policy", 0.8), (["注意"], "invoice", 0.3)])
        if inForm { chat.say(line("我想退货", "return_request")) }
        let reply = chat.say(line("要注意些啥？", "coupon_question", 0.95))
        #expect((reply.answer?.id == "return-policy") == inForm, "\(reply.reason)")
        #expect((chat.state.pending == .slot("order_id")) == inForm)
    }

    @Test func aDigressionInAFormAnswersThenAsksAgain() {
        var chat = Conversation()
        chat.say(line("我想退货", "return_request"))
        let digression = chat.say(line("对了，怎么开发票？"))
        #expect(digression.text == "签收后在「我的订单」里申请电子发票。\n回到刚才的问题：请提供要退货的订单号（14位数字）。")
        #expect(digression.policy == .knowledgeAnswer)
        #expect(digression.reason.contains("back to the form"))
        #expect(chat.state.activeIntent == "return_request")
        #expect(chat.state.pending == .slot("order_id"))
        let done = chat.say(order("20241105123456", "20241105123456"))
        #expect(done.text == "订单 20241105123456 的退货申请已提交。")
    }

    @Test func aQuestionWithAStrongAnswerBeatsAFormIntent() {
        var chat = Conversation()
        let reply = chat.say(line("退货运费谁出", "return_request", 0.93))
        #expect(reply.policy == .knowledgeAnswer)
        #expect(reply.answer?.id == "return-shipping-fee")
        #expect(chat.state.activeIntent == nil)
    }

    @Test func aRequestStartsTheForm() {
        var chat = Conversation()
        chat.knowledge = FakeKnowledge(rules: [(["退货"], "return-policy", 0.7)])
        let reply = chat.say(line("我想退货", "return_request", 0.95))
        #expect(reply.policy == .slotPrompt)
        #expect(chat.state.activeIntent == "return_request")
    }

    @Test func aLineWithTheFormsValueStartsTheFormEvenAsAQuestion() {
        var chat = Conversation()
        let reply = chat.say(order("20241105123456 退货运费谁出", "20241105123456", "return_request"))
        #expect(reply.policy == .intentReply)
    }

    @Test func anIntentWithAReplyAnswers() {
        var chat = Conversation()
        let reply = chat.say(line("有优惠券吗", "coupon_question", 0.9))
        #expect(reply.text == "优惠券在「我的-优惠券」查看。")
        #expect(reply.policy == .intentReply)
    }
}
