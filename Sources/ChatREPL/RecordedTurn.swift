import ChatCore

/// One customer line of a live session and what the bot did with it, kept for `:save`: the
/// checks a replay makes (DESIGN §2) come from what was seen.
///
/// 「我想退货」 → intent `return_request`, no answer, reply 「请提供您的订单号（14位数字）。」.
public struct RecordedTurn: Hashable, Sendable {
    /// The customer's line, as typed.
    public var user: String
    /// The intent the reply understood, if any.
    public var intent: String?
    /// The knowledge-base entry the reply gave, if any.
    public var answer: String?
    /// The reply's exact text.
    public var reply: String

    public init(user: String, intent: String? = nil, answer: String? = nil, reply: String) {
        self.user = user
        self.intent = intent
        self.answer = answer
        self.reply = reply
    }

    /// The turn of `user` answered with `reply`.
    public init(user: String, reply: Reply) {
        self.init(user: user, intent: reply.intent?.name, answer: reply.answer?.id, reply: reply.text)
    }
}
