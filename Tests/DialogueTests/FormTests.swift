import ChatCore
import Dialogue
import Testing

@Suite("Forms: slots, lookups, confirmation") struct FormTests {
    @Test func asksForTheMissingSlot() {
        var chat = Conversation()
        let reply = chat.say(line("我的订单到哪了", "order_status"))
        #expect(reply.text == "请提供您的订单号（14位数字）。")
        #expect(reply.policy == .slotPrompt)
        #expect(reply.intent == "order_status")
        #expect(reply.intentConfidence == 0.9)
        #expect(reply.source == .intent("order_status"))
        #expect(reply.slots == [:])
        #expect(chat.state.activeIntent == "order_status")
        #expect(chat.state.pending == .slot("order_id"))
        #expect(chat.state.turns == 1)
    }

    @Test func looksUpTheRowAndReplies() {
        var chat = Conversation()
        chat.say(line("我的订单到哪了", "order_status"))
        let reply = chat.say(order("20241105123456", "20241105123456"))
        #expect(reply.text == "订单 20241105123456 当前状态：已发货，预计 11月8日 送达。")
        #expect(reply.policy == .intentReply)
        #expect(reply.slots == ["order_id": "20241105123456"])
        #expect(chat.state.activeIntent == nil)
        #expect(chat.state.slots == [:])
        #expect(chat.state.pending == nil)
    }

    @Test func fillsTheSlotFromTheFirstLine() {
        var chat = Conversation()
        let reply = chat.say(order("帮我查一下订单 20241106000001", "20241106000001", "order_status"))
        #expect(reply.policy == .intentReply)
        #expect(reply.text.contains("待发货"))
    }

    @Test func anUnknownKeySaysSoAndKeepsTheForm() {
        var chat = Conversation()
        chat.say(line("查物流", "order_status"))
        let missing = chat.say(order("20249999999999", "20249999999999"))
        #expect(missing.text == "没有找到订单 20249999999999，请核对订单号。")
        #expect(missing.policy == .lookupMissing)
        #expect(chat.state.activeIntent == "order_status")
        #expect(chat.state.pending == .slot("order_id"))
        #expect(chat.state.slots == [:])
        let found = chat.say(order("20241105123456", "20241105123456"))
        #expect(found.policy == .intentReply)
    }

    @Test func aThirteenDigitNumberSaysWhatIsExpected() {
        var chat = Conversation()
        chat.say(line("查物流", "order_status"))
        let reply = chat.say(line("2024110512345"))
        #expect(reply.text == "订单号是 14 位数字，您输入的 2024110512345 是 13 位，请核对后重新输入。")
        #expect(reply.policy == .slotInvalid)
        #expect(reply.reason.contains("slot order_id: '2024110512345' (13 digits)"))
        #expect(chat.state.pending == .slot("order_id"))
        #expect(chat.state.fallbacks == 0)
    }

    @Test func withoutItsOwnMessageTheDefaultSaysTheLength() {
        var chat = Conversation()
        chat.say(line("我想退货", "return_request"))
        let reply = chat.say(line("我的单号是 202411051234567", "return_request"))
        #expect(reply.text == "您输入的 202411051234567 是 15 位，应为 14 位数字，请核对后重新输入。")
        #expect(reply.policy == .slotInvalid)
    }

    @Test func confirmationYesDoesIt() {
        var chat = Conversation()
        let ask = chat.say(order("取消订单 20241106000001", "20241106000001", "cancel_order"))
        #expect(ask.text == "订单 20241106000001（保温杯）取消后无法恢复，确认取消吗？")
        #expect(ask.policy == .confirmation)
        #expect(chat.state.pending == .confirmation)
        let done = chat.say(line("是的", "affirm"))
        #expect(done.text == "已为您取消订单 20241106000001。")
        #expect(done.policy == .intentReply)
        #expect(done.slots == ["order_id": "20241106000001"])
        #expect(chat.state.activeIntent == nil)
    }

    @Test(arguments: [line("不用了"), line("算了吧"), line("no", "deny"), line("嗯不要了", "deny")])
    func confirmationNoLeavesItAlone(_ answer: Utterance) {
        var chat = Conversation()
        chat.say(order("取消订单 20241106000001", "20241106000001", "cancel_order"))
        let reply = chat.say(answer)
        #expect(reply.text == "好的，订单 20241106000001 不取消。")
        #expect(reply.policy == .confirmationDeclined)
        #expect(chat.state.activeIntent == nil)
        #expect(chat.state.pending == nil)
    }

    @Test func aDigressionWhileConfirmingAsksAgain() {
        var chat = Conversation()
        chat.say(order("取消订单 20241106000001", "20241106000001", "cancel_order"))
        let reply = chat.say(line("退货运费谁出？"))
        #expect(reply.text == "质量问题退货运费由我们承担，无理由退货运费由您承担。\n回到刚才的问题：订单 20241106000001（保温杯）取消后无法恢复，确认取消吗？")
        #expect(reply.policy == .knowledgeAnswer)
        #expect(reply.answer?.id == "return-shipping-fee")
        #expect(chat.state.pending == .confirmation)
        #expect(chat.say(line("确认")).policy == .intentReply)
    }

    @Test func anotherNumberWhileConfirmingIsLookedUpAndAskedAgain() {
        var chat = Conversation()
        chat.say(order("取消订单 20241106000001", "20241106000001", "cancel_order"))
        let reply = chat.say(order("不对，是 20241105123456", "20241105123456"))
        #expect(reply.policy == .confirmation)
        #expect(reply.text.contains("20241105123456（蓝牙耳机）"))
    }

    @Test func noWhileAskingForASlotDropsTheForm() {
        var chat = Conversation()
        chat.say(line("我想退货", "return_request"))
        let reply = chat.say(line("算了，不退了"))
        #expect(reply.policy == .confirmationDeclined)
        #expect(chat.state.activeIntent == nil)
    }
}
