/// Intent names that drive a dialogue policy instead of a reply of their own. A bot defines the
/// ones it wants (with examples, so the classifier knows them); the rest of its intents are
/// ordinary ones (a reply, or a form of slots, perhaps with a lookup and a confirmation).
///
/// | name | policy |
/// |---|---|
/// | `greeting`, `thanks`, `goodbye` | small talk: the intent's `reply:`, or the bot's message (goodbye also ends a form) |
/// | `affirm`, `deny` | yes / no to a confirmation or an offer; no to a form abandons it |
/// | `human_agent` | hand-off to a human at any time (「转人工」) |
/// | `reset` | the conversation starts over |
/// | `complaint` | a sign of frustration: apology and the offer of a human |
/// | `out_of_scope` | a miss: rephrase, then hand-off (the classifier already refuses such lines) |
public enum SpecialIntent: String, Sendable, CaseIterable {
    case greeting
    case thanks
    case goodbye
    case affirm
    case deny
    case humanAgent = "human_agent"
    case reset
    case complaint
    case outOfScope = "out_of_scope"

    /// Whether the intent is small talk with a reply of its own.
    public var isSmallTalk: Bool { self == .greeting || self == .thanks || self == .goodbye }
}
