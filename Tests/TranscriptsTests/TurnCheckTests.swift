import ChatCore
import Testing
import Transcripts

/// Each kind of check, passing and failing, against one reply.
@Suite struct TurnCheckTests {
    /// 「订单 20241105123456 已取消。」: intent cancel_order 0.91, no answer, one slot, no hand-off.
    static let reply = Reply(text: "订单 20241105123456 已取消。", understood: IntentScore(name: "cancel_order", confidence: 0.914),
                             slots: ["order_id": "20241105123456", "reason": "买错了"], policy: .intentReply, reason: "")

    static let passing: [TurnChecks] = [
        TurnChecks(),
        TurnChecks(intent: "cancel_order"),
        TurnChecks(answer: .some(nil)),
        TurnChecks(slots: ["order_id": "20241105123456"]),
        TurnChecks(slots: [:]),
        TurnChecks(reply: "订单 20241105123456 已取消。"),
        TurnChecks(replyContains: "已取消"),
        TurnChecks(replyMatches: "\\d{14}"),
        TurnChecks(replyMatches: "^订单 .*。$"),
        TurnChecks(handoff: false),
        TurnChecks(intent: "cancel_order", answer: .some(nil), slots: ["reason": "买错了"], reply: "订单 20241105123456 已取消。",
                   replyContains: "订单", replyMatches: "取消", handoff: false),
    ]

    @Test(arguments: passing)
    func passes(checks: TurnChecks) {
        #expect(checks.failures(for: Self.reply).isEmpty)
    }

    static let failing: [(TurnChecks, [CheckFailure])] = [
        (TurnChecks(intent: "order_status"), [CheckFailure(check: "intent", expected: "order_status", actual: "cancel_order (read as cancel_order 0.91)")]),
        (TurnChecks(intent: .some(nil)), [CheckFailure(check: "intent", expected: "none", actual: "cancel_order (read as cancel_order 0.91)")]),
        (TurnChecks(answer: "shipping-fee"), [CheckFailure(check: "answer", expected: "shipping-fee", actual: "none")]),
        (TurnChecks(slots: ["order_id": "20241105123457", "phone": "1"]), [
            CheckFailure(check: "slots.order_id", expected: "\"20241105123457\"", actual: "\"20241105123456\""),
            CheckFailure(check: "slots.phone", expected: "\"1\"", actual: "not set"),
        ]),
        (TurnChecks(reply: "订单 20241105123456 已取消"), [
            CheckFailure(check: "reply", expected: "\"订单 20241105123456 已取消\"", actual: "\"订单 20241105123456 已取消。\"",
                         detail: "first difference at character 22: (end) vs \"。\""),
        ]),
        (TurnChecks(replyContains: "已发货"), [
            CheckFailure(check: "reply_contains", expected: "\"已发货\"", actual: "\"订单 20241105123456 已取消。\""),
        ]),
        (TurnChecks(replyMatches: "^已取消"), [
            CheckFailure(check: "reply_matches", expected: "/^已取消/", actual: "\"订单 20241105123456 已取消。\""),
        ]),
        (TurnChecks(replyMatches: "(unclosed"), [
            CheckFailure(check: "reply_matches", expected: "/(unclosed/ (not a valid regular expression)",
                         actual: "\"订单 20241105123456 已取消。\""),
        ]),
        (TurnChecks(handoff: true), [CheckFailure(check: "handoff", expected: "true", actual: "false")]),
        (TurnChecks(reply: "订单 20241105123456 已发货。"), [
            CheckFailure(check: "reply", expected: "\"订单 20241105123456 已发货。\"", actual: "\"订单 20241105123456 已取消。\"",
                         detail: "first difference at character 20: \"发货。\" vs \"取消。\""),
        ]),
        (TurnChecks(reply: "已取消。"), [
            CheckFailure(check: "reply", expected: "\"已取消。\"", actual: "\"订单 20241105123456 已取消。\"",
                         detail: "first difference at character 1: \"已取消。\" vs \"订单 2024110512345\"…"),
        ]),
        (TurnChecks(intent: "cancel_order", reply: "x", handoff: true), [
            CheckFailure(check: "handoff", expected: "true", actual: "false"),
            CheckFailure(check: "reply", expected: "\"x\"", actual: "\"订单 20241105123456 已取消。\"",
                         detail: "first difference at character 1: \"x\" vs \"订单 2024110512345\"…"),
        ]),
    ]

    @Test(arguments: failing)
    func fails(checks: TurnChecks, expected: [CheckFailure]) {
        #expect(checks.failures(for: Self.reply) == expected)
    }

    @Test func anAnswerAndAHandOffAreCheckedByIdAndFlag() {
        let reply = Reply(text: "订单满 99 元包邮。\n不满收 8 元。", answer: AnswerChoice(id: "shipping-fee", confidence: 0.876),
                          handoff: true, policy: .knowledgeAnswer, reason: "")
        #expect(TurnChecks(answer: "shipping-fee", handoff: true).failures(for: reply).isEmpty)
        #expect(TurnChecks(answer: "invoice").failures(for: reply)
            == [CheckFailure(check: "answer", expected: "invoice", actual: "shipping-fee (0.88)")])
        #expect(TurnChecks(intent: "greeting").failures(for: reply)
            == [CheckFailure(check: "intent", expected: "greeting", actual: "none (read as no intent)")])
        #expect(TurnChecks(source: "knowledge_base").failures(for: reply)
            == [CheckFailure(check: "source", expected: "knowledge_base", actual: "handoff asked")])
        // A line break in a reply shows as \n in the diff.
        #expect(TurnChecks(reply: "订单满 99 元包邮。").failures(for: reply).first?.actual == "\"订单满 99 元包邮。\\n不满收 8 元。\"")
    }
}
