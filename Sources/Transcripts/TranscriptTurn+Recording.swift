import ChatCore

extension TranscriptTurn {
    /// The turn of `user` answered with `reply`, its checks what was seen: `intent` (when the
    /// reply is an intent's), `source`, `answer` (when a knowledge-base answer was given), `slots`
    /// (when the form has some), `handoff: true` (when a human takes over) and the exact `reply`.
    /// Replayed through the same bot at the same time, it passes.
    ///
    /// 「我想退货」 answered 「请提供您的订单号（14位数字）。」 → `intent: return_request`,
    /// `source: intent return_request`, `reply: 请提供您的订单号（14位数字）。`.
    public init(user: String, reply: Reply) {
        var checks = TurnChecks(reply: reply.text)
        if let intent = reply.intent { checks.intent = .some(intent) }
        checks.source = reply.source.description
        if let answer = reply.answer { checks.answer = .some(answer.id) }
        if !reply.slots.isEmpty { checks.slots = reply.slots }
        if reply.handoff { checks.handoff = true }
        self.init(user: user, checks: checks)
    }
}
