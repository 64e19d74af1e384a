import ChatCore
import Dialogue
import Foundation

/// Where sessions are kept between runs and shared between servers (`--store FILE` or
/// `--store postgres://…`): each session's state and the history of its turns, the hand-off queue
/// and what agents wrote. A batch is written before any of its replies goes out, so a reply a
/// client has seen is always on record.
///
/// Several servers may share one store (PostgreSQL): a server reads a session with its
/// ``StoredSession/version`` and saves it only if no one has written it since; a session that
/// was (a *conflict*) is left out of the save, and the server reads it again and answers its line
/// from the newer state. So two lines of one session taken by two servers at once are answered
/// one after the other, never one lost. Reads may run beside a `save`; `save` is never called
/// twice at once by one server.
public protocol SessionStore: Sendable {
    /// The session as last saved, or nil when the store has never seen it.
    func load(_ session: String) async throws(StoreError) -> StoredSession?
    /// Saves the sessions' new states and their turns, all or nothing, except the sessions whose
    /// version moved on since they were read: nothing of those is written, and they are returned.
    /// Each session appears at most once in a batch.
    func save(_ batch: StoreBatch) async throws(StoreError) -> Set<String>
    /// The hand-offs still waiting for or held by an agent, oldest first (the queue after a restart).
    func openHandoffs() async throws(StoreError) -> [HandoffCase]
    /// The session's case still waiting for or held by an agent, if any.
    func openHandoff(of session: String) async throws(StoreError) -> HandoffCase?
    /// A conversation's customer lines, replies and agent messages, in order.
    func conversation(_ session: String, _ conversation: Int) async throws(StoreError) -> StoredConversation
    /// Deletes the sessions last written before `time` (seconds since 1970) with their turns,
    /// cases and agent messages; returns how many sessions went.
    func prune(before time: Double) async throws(StoreError) -> Int
    /// Every row, table by table (sessions, turns, cases, agent messages), oldest first.
    func export(_ body: (StoreRecord) throws -> Void) async throws(StoreError)
    /// Adds exported rows as they are (a session already there is replaced), in one transaction.
    func importRecords(_ records: [StoreRecord]) async throws(StoreError)
}

/// A session as the store keeps it: the dialogue state and how many times it was reset.
public struct StoredSession: Sendable, Equatable {
    public var state: DialogueState
    /// 0 for the first conversation of the session, one more after each `reset`.
    public var conversation: Int
    /// How many times the store has written the session (0: never): what a save expects to
    /// find, and one more after it.
    public var version: Int64
    /// When the session was last written, in seconds since 1970 (0: never): the idle timeout
    /// counts from it.
    public var updatedAt: Double

    public init(state: DialogueState = .start, conversation: Int = 0, version: Int64 = 0, updatedAt: Double = 0) {
        self.state = state
        self.conversation = conversation
        self.version = version
        self.updatedAt = updatedAt
    }

    /// A stored row as a session; a state this kefu cannot read (written by another version)
    /// starts a new conversation.
    public init(stateJSON: String, conversation: Int, version: Int64, updatedAt: Double) {
        guard let state = try? JSONDecoder().decode(DialogueState.self, from: Data(stateJSON.utf8)) else {
            self = StoredSession(conversation: conversation, version: version, updatedAt: updatedAt).nextConversation()
            return
        }
        self.init(state: state, conversation: conversation, version: version, updatedAt: updatedAt)
    }

    /// The session's next conversation (after a `reset`, or an agent closing it), from the start.
    public func nextConversation() -> StoredSession {
        StoredSession(state: .start, conversation: conversation + 1, version: version, updatedAt: updatedAt)
    }

    /// The session as the store holds it after a save of it at `time`.
    public func saved(at time: Double) -> StoredSession {
        StoredSession(state: state, conversation: conversation, version: version + 1, updatedAt: time)
    }

    /// The session for a line at `time`: after more than `idleTimeout` seconds of silence the
    /// dialogue context starts afresh (no active intent, slots or open question), though the
    /// conversation and its history go on.
    public func resumed(at time: Double, idleTimeout: Double?) -> StoredSession {
        guard let idleTimeout, updatedAt > 0, time - updatedAt > idleTimeout, state != .start else { return self }
        var next = self
        next.state = DialogueState.start.continuing(after: state)
        return next
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

    /// The batch without what belongs to `sessions`.
    public func removing(_ sessions: Set<String>) -> StoreBatch {
        guard !sessions.isEmpty else { return self }
        var kept = StoreBatch()
        kept.sessions = self.sessions.filter { !sessions.contains($0.session) }
        kept.turns = turns.filter { !sessions.contains($0.session) }
        kept.handoffs = handoffs.filter { !sessions.contains($0.session) }
        kept.agentMessages = agentMessages.filter { !sessions.contains($0.session) }
        return kept
    }

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
    /// False when the connection was lost while committing: the write may have been stored.
    public var nothingChanged: Bool

    public init(_ description: String, nothingChanged: Bool = true) {
        self.description = description
        self.nothingChanged = nothingChanged
    }

    /// What the sender of the failed request should do, for the error message.
    public var advice: String {
        nothingChanged ? "nothing changed, send it again"
                       : "it may have been stored before the connection was lost; look at the history before sending it again"
    }
}

/// A store several servers share: it tells each server what the others wrote.
public protocol SharedSessionStore: SessionStore {
    /// The sessions other servers changed, as they commit (never this server's own writes).
    /// The stream keeps going while the store is open, across reconnections.
    func changes() -> AsyncStream<StoreChange>
}

/// A session another server wrote: a turn, an agent's message, or a change of its case.
public struct StoreChange: Sendable, Equatable {
    public var session: String
    /// Whether its hand-off case changed (opened, claimed, released, closed).
    public var handoff: Bool

    public init(session: String, handoff: Bool) {
        self.session = session
        self.handoff = handoff
    }
}
