import ChatCore
import Dialogue

/// Where the adapter keeps its sessions between runs (`--store FILE`): each session's state and
/// the history of its turns. Written once per batch of lines, before any reply of the batch goes
/// out, so a reply a client has seen is always on record. Reads may run from several threads at
/// once and beside a `save`; `save` is never called twice at once.
public protocol SessionStore: Sendable {
    /// The session as last saved, or nil when the store has never seen it.
    func load(_ session: String) throws(StoreError) -> StoredSession?
    /// Saves the sessions' new states and their turns, all or nothing.
    func save(_ batch: StoreBatch) throws(StoreError)
    /// The hand-offs still waiting for or held by an agent, oldest first (the queue after a restart).
    func openHandoffs() throws(StoreError) -> [HandoffCase]
    /// A conversation's customer lines, replies and agent messages, in order.
    func conversation(_ session: String, _ conversation: Int) throws(StoreError) -> StoredConversation
}

extension SessionStore {
    public func openHandoffs() throws(StoreError) -> [HandoffCase] { [] }
    public func conversation(_ session: String, _ conversation: Int) throws(StoreError) -> StoredConversation { StoredConversation() }
}

/// A session as the store keeps it: the dialogue state and how many times it was reset.
public struct StoredSession: Sendable, Equatable {
    public var state: DialogueState
    /// 0 for the first conversation of the session, one more after each `reset`.
    public var conversation: Int

    public init(state: DialogueState = .start, conversation: Int = 0) {
        self.state = state
        self.conversation = conversation
    }
}

/// One answered customer line, for the turn history (analytics).
public struct TurnRecord: Sendable, Equatable {
    public var session: String
    public var conversation: Int
    /// The state's turn count after the turn (1 for a conversation's first line).
    public var turn: Int
    /// When the turn was answered, in seconds since 1970 (UTC).
    public var time: Double
    public var text: String
    public var reply: Reply

    public init(session: String, conversation: Int, turn: Int, time: Double, text: String, reply: Reply) {
        self.session = session
        self.conversation = conversation
        self.turn = turn
        self.time = time
        self.text = text
        self.reply = reply
    }
}

/// What one batch of lines changed: the last state of every session it touched, its turns in
/// the order they were asked, the hand-off cases it opened or moved on, and what agents wrote.
public struct StoreBatch: Sendable {
    public var sessions: [(session: String, stored: StoredSession)] = []
    public var turns: [TurnRecord] = []
    /// New or changed cases (one row per session, conversation and turn).
    public var handoffs: [HandoffCase] = []
    public var agentMessages: [AgentMessage] = []

    public init() {}

    public var isEmpty: Bool { sessions.isEmpty && turns.isEmpty && handoffs.isEmpty && agentMessages.isEmpty }

    /// Adds everything `other` holds after what this batch holds.
    public mutating func append(_ other: StoreBatch) {
        sessions += other.sessions
        turns += other.turns
        handoffs += other.handoffs
        agentMessages += other.agentMessages
    }
}

/// A store that cannot be opened, read or written, with what to do about it.
public struct StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
