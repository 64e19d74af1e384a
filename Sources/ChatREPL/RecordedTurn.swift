import ChatCore

/// One customer line of a live session and what the bot did with it, kept for `:save`: the
/// checks a replay makes (DESIGN §2) come from what was seen.
///
/// 「我想退货」 → intent `return_request`, no answer, no slots, reply 「请提供您的订单号（14位数字）。」;
/// then 「20241105123456」 → slots `order_id: 20241105123456`.
public struct RecordedTurn: Hashable, Sendable {
    /// The customer's line, as typed.
    public var user: String
    /// The intent the reply understood, if any.
    public var intent: String?
    /// The knowledge-base entry the reply gave, if any.
    public var answer: String?
    /// The form's slots after the turn (empty when there is no form).
    public var slots: [String: String]
    /// Whether the reply handed the conversation to a human.
    public var handoff: Bool
    /// The reply's exact text.
    public var reply: String

    public init(user: String, intent: String? = nil, answer: String? = nil, slots: [String: String] = [:],
                handoff: Bool = false, reply: String) {
        self.user = user
        self.intent = intent
        self.answer = answer
        self.slots = slots
        self.handoff = handoff
        self.reply = reply
    }

    /// The turn of `user` answered with `reply`.
    public init(user: String, reply: Reply) {
        self.init(user: user, intent: reply.intent?.name, answer: reply.answer?.id, slots: reply.slots, handoff: reply.handoff,
                  reply: reply.text)
    }
}
