/// The state of one conversation, as a value: the dialogue policy takes it with a line and
/// returns the next one, so a session can be stored, replayed or run beside thousands of others.
///
/// After 「我想退货」: `turns` 1, `activeIntent` `return_request`, `slots` `{}`, the pending
/// question is the `order_id` slot.
public struct DialogueState: Hashable, Sendable, Codable {
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

    public init(turns: Int = 0, activeIntent: String? = nil, slots: [String: String] = [:], fallbacks: Int = 0,
                handoff: Bool = false) {
        self.turns = turns
        self.activeIntent = activeIntent
        self.slots = slots
        self.fallbacks = fallbacks
        self.handoff = handoff
    }

    /// A new conversation.
    public static let start = DialogueState()
}
