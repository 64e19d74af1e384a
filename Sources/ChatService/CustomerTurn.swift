import ChatCore
import Dialogue
import SessionStorage

/// What the service did with one customer line: the bot's reply (nil when an agent has the
/// conversation and the bot stays quiet), the buttons offered with it, the hand-off case open
/// after the line, and the dialogue state.
public struct CustomerTurn: Sendable {
    public var reply: Reply?
    public var buttons: [QuickReply]
    public var handoff: HandoffCase?
    public var state: DialogueState
}

/// A session as a customer (or an agent looking at a case) sees it: the dialogue state, the
/// open hand-off case if any, and the current conversation's lines.
public struct SessionSnapshot: Sendable {
    public var session: String
    public var state: DialogueState
    public var handoff: HandoffCase?
    public var messages: [ChatMessage]
}
