/// What the bot says to one customer line, and why: the text, the intent it understood, the
/// knowledge-base answer it gave, the form's slots after the turn, whether a human takes over,
/// and the policy that decided.
///
/// 「我想退货」 → 「请提供您的订单号（14位数字）。」, intent `return_request` (0.94), policy
/// `slotPrompt`, no answer, slots `{}`, no hand-off.
public struct Reply: Hashable, Sendable {
    /// The text shown to the customer.
    public var text: String
    /// The intent the line was understood as; nil when none was (out of scope, a bare slot value).
    public var intent: IntentScore?
    /// The knowledge-base entry the reply gives, when it gives one.
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

    public init(text: String, intent: IntentScore? = nil, answer: AnswerChoice? = nil, slots: [String: String] = [:],
                handoff: Bool = false, policy: ReplyPolicy, reason: String) {
        self.text = text
        self.intent = intent
        self.answer = answer
        self.slots = slots
        self.handoff = handoff
        self.policy = policy
        self.reason = reason
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
