import ChatCore

/// One customer line and what the bot did with it, as analytics sees it: read from a session
/// store's `turn` table or produced by replaying a transcript through the engine.
///
/// 「发票抬头写错了怎么办」 → policy `fallback`, no intent, no answer.
public struct LoggedTurn: Hashable, Sendable {
    /// The customer's line.
    public var user: String
    /// The intent the line was understood as, nil when none was.
    public var intent: String?
    /// The knowledge-base entry the reply gave, nil when none.
    public var answer: String?
    /// The policy that chose the reply, as its raw name (`fallback`, `knowledge_answer`); a raw
    /// name so a store written by another kefu version still reads.
    public var policy: String
    /// Whether the conversation was handed to a human after this turn.
    public var handoff: Bool
    /// The reply's one-line reason (`miss 3 of 3 → hand-off`).
    public var reason: String

    public init(user: String, intent: String? = nil, answer: String? = nil, policy: String, handoff: Bool = false, reason: String = "") {
        self.user = user
        self.intent = intent
        self.answer = answer
        self.policy = policy
        self.handoff = handoff
        self.reason = reason
    }

    /// The turn as the engine's `reply` to `user` left it.
    public init(user: String, reply: Reply) {
        self.init(user: user, intent: reply.intent, answer: reply.answer?.id, policy: reply.policy.rawValue,
                  handoff: reply.handoff, reason: reply.reason)
    }

    /// Whether the bot could not answer the line: a `fallback` (rephrase), or the hand-off that
    /// the last of `fallback.handoff_after` misses in a row triggers (its reason reads
    /// `miss 3 of 3 → hand-off`). A hand-off the customer asked for is not a miss.
    public var fellBack: Bool {
        if policy == ReplyPolicy.fallback.rawValue { return true }
        return policy == ReplyPolicy.handoff.rawValue && reason.contains("miss ") && reason.hasSuffix("→ hand-off")
    }
}
