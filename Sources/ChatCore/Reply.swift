/// What the bot says to one customer line, and why: the text, where it came from (an intent, a
/// knowledge-base entry, a table row, a fallback, a hand-off), how the classifier read the line,
/// the form's slots after the turn, whether a human takes over, and the policy that decided.
///
/// 「我想退货」 → 「请提供您的订单号（14位数字）。」, source `.intent("return_request")`, understood
/// `return_request` (0.94), policy `slotPrompt`, slots `{}`, no hand-off. The order number said
/// next has no intent of its own (`understood` nil) but its reply is `return_request`'s, read from
/// the orders table: `intent` is `return_request`.
public struct Reply: Hashable, Sendable {
    /// The text shown to the customer.
    public var text: String
    /// Where the text came from.
    public var source: ReplySource
    /// The classifier's reading of the line (nil: out of scope, or a bare value). It may differ
    /// from `intent`: a knowledge-base answer can beat the line's intent, and a slot value
    /// continues the form of another.
    public var understood: IntentScore?
    /// The knowledge-base entry the reply gives, with its scores, when it gives one.
    public var answer: AnswerChoice?
    /// The active form's slots after the turn, by slot name.
    public var slots: [String: String]
    /// Whether the conversation is handed to a human agent.
    public var handoff: Bool
    /// The policy that chose the reply.
    public var policy: ReplyPolicy
    /// One line for `:why`: what decided, with the scores that mattered
    /// (`"intent return_request 0.94; slot order_id missing → prompt"`).
    public var reason: String

    /// A reply; without a `source`, one is inferred from the rest (a hand-off, the answer, the
    /// understood intent, a fallback), which is what tests and hand-made replies need.
    public init(text: String, source: ReplySource? = nil, understood: IntentScore? = nil, answer: AnswerChoice? = nil,
                slots: [String: String] = [:], handoff: Bool = false, policy: ReplyPolicy, reason: String) {
        self.text = text
        self.understood = understood
        self.answer = answer
        self.slots = slots
        self.handoff = handoff
        self.policy = policy
        self.reason = reason
        self.source = source ?? Self.inferredSource(understood: understood, answer: answer, handoff: handoff, policy: policy)
    }

    /// The intent whose words the reply is (also when it read a table row); nil for
    /// knowledge-base answers, fallbacks, hand-offs and the bot's own messages.
    public var intent: String? { source.intent }

    /// The classifier's confidence in `intent`, when the classifier read the line as that intent.
    public var intentConfidence: Double? {
        guard let understood, understood.name == intent else { return nil }
        return understood.confidence
    }

    private static func inferredSource(understood: IntentScore?, answer: AnswerChoice?, handoff: Bool,
                                       policy: ReplyPolicy) -> ReplySource {
        if handoff { return .handoff(HandoffReason(.asked)) }
        if let answer { return .knowledgeBase(entry: answer.id) }
        if policy == .fallback { return .fallback }
        if let understood { return .intent(understood.name) }
        return .message(policy.rawValue)
    }
}

/// A knowledge-base entry chosen as an answer, with the scores that chose it.
public struct AnswerChoice: Hashable, Sendable {
    /// The entry's id (`shipping-fee`).
    public var id: String
    /// The calibrated probability (0…1) that the entry answers the line.
    public var confidence: Double
    /// The entry's BM25 score.
    public var bm25: Double
    /// The neural re-ranker's similarity (0 without a re-ranker).
    public var neural: Double
    /// The final combined score the ranking used.
    public var score: Double

    public init(id: String, confidence: Double, bm25: Double = 0, neural: Double = 0, score: Double = 0) {
        self.id = id
        self.confidence = confidence
        self.bm25 = bm25
        self.neural = neural
        self.score = score
    }
}

/// The dialogue policy that produced a reply.
public enum ReplyPolicy: String, Hashable, Sendable, CaseIterable {
    /// An intent's reply, every slot filled (and its table row found).
    case intentReply = "intent_reply"
    /// A question for a missing slot.
    case slotPrompt = "slot_prompt"
    /// The line had something like the slot's value, but not a valid one (a 13-digit order number).
    case slotInvalid = "slot_invalid"
    /// A yes/no question before an irreversible action.
    case confirmation = "confirmation"
    /// The customer said no to the confirmation (or to the form being filled); nothing was done.
    case confirmationDeclined = "confirmation_declined"
    /// The table has no row for the slot's value (an unknown order number).
    case lookupMissing = "lookup_missing"
    /// A knowledge-base answer.
    case knowledgeAnswer = "knowledge_answer"
    /// A knowledge-base answer read in the context of the previous one (「那运费呢？」).
    case followUp = "follow_up"
    /// Greetings, thanks, goodbyes and other small talk.
    case smallTalk = "small_talk"
    /// The line was not understood: ask to rephrase.
    case fallback = "fallback"
    /// A human agent takes over (asked for, or after repeated misses).
    case handoff = "handoff"
    /// The customer is upset: apologise and offer a human.
    case frustration = "frustration"
    /// The conversation starts over.
    case reset = "reset"
}
