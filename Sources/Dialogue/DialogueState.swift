import ChatCore

/// The state of one conversation, as a value: the dialogue policy takes it with a line and
/// returns the next one, so a session can be stored, replayed or run beside thousands of others.
/// It is written after every turn (the stdio adapter keeps it as JSON), so it stays small: no
/// history of lines, only what the policies need next.
///
/// After 「我想退货」: `turns` 1, `activeIntent` `return_request`, `slots` `{}`, `pending`
/// `.slot("order_id")`. After a knowledge-base answer about returns, `lastAnswer` is
/// `returns-policy`, so 「那运费呢？」 is read in its context.
public struct DialogueState: Hashable, Sendable {
    /// Customer lines answered so far.
    public var turns: Int
    /// The intent whose form is being filled, if any.
    public var activeIntent: String?
    /// The active form's slot values, by slot name.
    public var slots: [String: String]
    /// Misses in a row (lines neither an intent nor a knowledge-base answer understood).
    public var fallbacks: Int
    /// Whether the conversation has been handed to a human agent.
    public var handoff: Bool
    /// The question the last reply asked, which the next line may answer.
    public var pending: PendingQuestion?
    /// The id of the last knowledge-base answer given, the topic follow-ups are read against.
    public var lastAnswer: String?
    /// A key of the last line (`LineCues.key`: a hash, not the text), to notice a repeated line.
    public var lastLine: String?
    /// Lines so far that showed the customer upset; the second one hands off instead of asking again.
    public var frustration: Int
    /// Values the customer gave in this conversation, by entity name (`order_id`, `phone`,
    /// `product`): offered to the next form that needs one (「是订单 20261120093015 吗？」) instead
    /// of asking again.
    public var remembered: [String: String]
    /// The intent the last reply was (its form, its reply, a table row it read): the topic that
    /// follow-ups such as 「那能不能催一下」 are read against. Set with `lastAnswer` cleared, and the
    /// other way round — except that a knowledge-base answer to a line read as a form keeps that
    /// form as the topic (「显示签收了但我没收到」 answered, then the order number alone).
    public var lastIntent: String?
    /// Why the conversation was handed to a human, once it was.
    public var handoffReason: HandoffReason?

    public init(turns: Int = 0, activeIntent: String? = nil, slots: [String: String] = [:], fallbacks: Int = 0,
                handoff: Bool = false, pending: PendingQuestion? = nil, lastAnswer: String? = nil,
                lastLine: String? = nil, frustration: Int = 0, remembered: [String: String] = [:],
                lastIntent: String? = nil, handoffReason: HandoffReason? = nil) {
        self.turns = turns
        self.activeIntent = activeIntent
        self.slots = slots
        self.fallbacks = fallbacks
        self.handoff = handoff
        self.pending = pending
        self.lastAnswer = lastAnswer
        self.lastLine = lastLine
        self.frustration = frustration
        self.remembered = remembered
        self.lastIntent = lastIntent
        self.handoffReason = handoffReason
    }

    /// A new conversation.
    public static let start = DialogueState()

    /// Ends the active form (done, declined or abandoned).
    mutating func closeForm() {
        activeIntent = nil
        slots = [:]
        if pending != .humanOffer { pending = nil }
    }

    /// The topic is now `intent` (a form's question, its reply, its table row).
    mutating func talkAbout(intent: String) {
        lastIntent = intent
        lastAnswer = nil
    }

    /// The topic is now the knowledge-base entry `answer`, and the form `readAs` the line was
    /// read as, if any.
    mutating func talkAbout(answer: String, readAs form: String? = nil) {
        lastAnswer = answer
        lastIntent = form
    }
}

extension DialogueState {
    /// The state after a human agent gives the conversation back to the bot: no longer handed
    /// off, and the misses, the upset count and any open question forgotten, so the next line is
    /// read afresh (the form, remembered values and topic stay).
    public func returnedFromAgent() -> DialogueState {
        var state = self
        state.handoff = false
        state.handoffReason = nil
        state.fallbacks = 0
        state.frustration = 0
        state.pending = nil
        return state
    }

    /// A fresh context that goes on counting `earlier`'s turns (the idle timeout: the customer
    /// came back after a long silence, so no intent, slot or question of before still holds).
    public func continuing(after earlier: DialogueState) -> DialogueState {
        var state = self
        state.turns = earlier.turns
        return state
    }
}
