import ChatCore
import Dialogue

/// Where the adapter keeps its sessions between runs (`--store FILE`): each session's state and
/// the history of its turns. Written once per batch of lines, before any reply of the batch goes
/// out, so a reply a client has seen is always on record.
public protocol SessionStore {
    /// The session as last saved, or nil when the store has never seen it.
    func load(_ session: String) throws(StoreError) -> StoredSession?
    /// Saves the sessions' new states and their turns, all or nothing.
    func save(_ batch: StoreBatch) throws(StoreError)
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
}

/// What one batch of lines changed: the last state of every session it touched, and its turns
/// in the order they were asked.
public struct StoreBatch: Sendable {
    public var sessions: [(session: String, stored: StoredSession)] = []
    public var turns: [TurnRecord] = []

    public var isEmpty: Bool { sessions.isEmpty && turns.isEmpty }
}

/// A store that cannot be opened, read or written, with what to do about it.
public struct StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
