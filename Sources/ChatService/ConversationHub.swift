import ChatCore
import ChatEngine
import Dialogue
import Entities
import Foundation
import Metrics
import SessionStorage
import Synchronization
import Transcripts

/// The live side of every session reached over the network: answers customer lines with the
/// engine, one line of a session at a time and different sessions in parallel; keeps each
/// conversation's lines for a reloaded page; runs the hand-off queue and the agents' side of it;
/// pushes what happens to the customer's and the agents' open connections; writes everything to
/// the store (if any) before anyone is told.
///
/// 「转人工」 → the bot's hand-off reply, and (with agents enabled) a `waiting` case in the queue.
/// Until an agent releases it the bot stays quiet except the holding message (`handed_off` in
/// bot.yml, at most once a ``holdingInterval``); the customer's lines go to the agents.
public final class ConversationHub: Sendable {
    public let engine: ChatEngine
    /// Whether hand-offs go to a queue for human agents (the server has an agent token).
    public let agentsEnabled: Bool
    public let rateLimit: TokenBucket.Limit
    /// The least time between two holding messages while a customer waits for an agent, in seconds.
    public let holdingInterval: Double
    /// The most lines of a conversation kept in memory for a reloaded page.
    public static let historyLimit = 500
    /// Seconds of silence after which a session's next line starts a fresh dialogue context
    /// (bot.yml `sessions.idle_timeout`); nil for never.
    public let idleTimeout: Double?
    /// The most sessions kept in memory; beyond it the least recently used idle ones are dropped
    /// (read again from the store when they come back; without a store, forgotten).
    public let sessionCapacity: Int
    public static let defaultSessionCapacity = 10_000
    /// The most times a line is answered again because another server wrote its session first.
    static let maximumAttempts = 64
    /// The clock, in seconds since 1970 (UTC); tests set their own.
    let clock: @Sendable () -> Double
    let commits: GroupCommit
    let table: Mutex<Table>
    let metrics: HubMetrics
    /// Where each conversation is kept as a transcript (`--record DIR`), written after every
    /// turn and agent action, before anyone is told of it; nil for none.
    let recording: Mutex<RecordingFolder?>
    /// Told what could not be recorded.
    let warn: @Sendable (String) -> Void
    /// Reads what other servers sharing the store write (``SharedSessionStore``).
    let remoteChanges = Mutex<Task<Void, Never>?>(nil)

    /// Every known session, the open hand-off cases and the agents' connections.
    struct Table: ~Copyable {
        var sessions: [String: SessionEntry] = [:]
        /// Open (waiting or claimed) cases by session.
        var openCases: [String: HandoffCase] = [:]
        var agentListeners: [Int: AsyncStream<AgentEvent>.Continuation] = [:]
        var nextListener = 0
        var closing = false
        /// Counts uses of sessions, for dropping the least recently used.
        var uses: UInt64 = 0
    }

    /// One session in memory.
    struct SessionEntry {
        var stored = StoredSession()
        var history: [ChatMessage] = []
        /// Whether `stored` and `history` were read from the store (always, without one).
        var loaded: Bool
        /// Whether a line or an agent's action is being worked on; others wait in `waiters`.
        var busy = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var listeners: [Int: AsyncStream<ChatEvent>.Continuation] = [:]
        var bucket: TokenBucket
        var lastHolding = -Double.infinity
        /// ``Table/uses`` when the session was last released.
        var lastUse: UInt64 = 0
    }

    /// - Parameters:
    ///   - store: where sessions, turns and the queue are kept; the queue is read back from it.
    ///   - agentsEnabled: whether hand-offs wait for human agents.
    ///   - factory: where the measurements go (`/metrics`).
    ///   - recording: the transcript folder (`--record`), with `warn` told what could not be written.
    public init(engine: ChatEngine, store: (any SessionStore)? = nil, agentsEnabled: Bool = false,
                rateLimit: TokenBucket.Limit = .standard, holdingInterval: Double = 60,
                metrics factory: any MetricsFactory = MetricsSystem.factory, recording: sending RecordingFolder? = nil,
                idleTimeout: Double? = nil, sessionCapacity: Int = ConversationHub.defaultSessionCapacity,
                warn: @escaping @Sendable (String) -> Void = { _ in },
                clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) async throws(StoreError) {
        metrics = HubMetrics(factory: factory)
        self.recording = Mutex(recording)
        self.warn = warn
        self.engine = engine
        self.agentsEnabled = agentsEnabled
        self.rateLimit = rateLimit
        self.holdingInterval = holdingInterval
        self.clock = clock
        self.idleTimeout = idleTimeout
        self.sessionCapacity = max(1, sessionCapacity)
        let open = try await store?.openHandoffs() ?? []
        commits = GroupCommit(store)
        var table = Table()
        for item in open { table.openCases[item.session] = item }
        self.table = Mutex(table)
        metrics.waiting.record(open.filter { $0.status == .waiting }.count)
        if let shared = store as? any SharedSessionStore {
            let changes = shared.changes()
            remoteChanges.withLock { $0 = Task { [self] in for await change in changes { await self.apply(change) } } }
        }
    }

    /// A new session with a random name (``SessionID/random()``), known from now on.
    public func newSession() -> String {
        let name = SessionID.random()
        let fresh = freshEntry()
        table.withLock { $0.sessions[name] = fresh }
        return name
    }

    /// Answers a customer line of `session` (created on first use, like the stdio adapter).
    ///
    /// - Parameter origin: the connection that sent it, which is not told of it again.
    /// - Throws: `rate_limited` over the session's limit; `store_failed` when the turn could not
    ///   be written (nothing changed; the line may be sent again); `shutting_down`.
    public func say(_ text: String, in session: String, at reference: ReferenceTime? = nil,
                    origin: Int? = nil) async throws(ServiceError) -> CustomerTurn {
        let started = clock()
        try admit(session, at: started)
        await acquire(session)
        let turn = try await answer(text, in: session, at: reference, now: started, origin: origin)
        metrics.turns.increment()
        metrics.turnDuration.recordSeconds(max(0, clock() - started))
        return turn
    }

    /// The session's state, case and conversation; `unknown_session` when it was never seen.
    public func snapshot(of session: String) async throws(ServiceError) -> SessionSnapshot {
        try await withSession(session, create: false) { entry, table in
            SessionSnapshot(session: session, state: entry.stored.state, handoff: table.openCases[session], messages: entry.history)
        }
    }

    /// Starts the session's conversation over (`DELETE`); an open hand-off case is closed.
    public func reset(_ session: String) async throws(ServiceError) {
        try await checkExists(session)
        await acquire(session)
        for attempt in 0..<Self.maximumAttempts {
            try await load(session, again: attempt > 0)
            let now = clock()
            let (stored, closed) = table.withLock { table in
                ((table.sessions[session]?.stored ?? StoredSession()).nextConversation(),
                 table.openCases[session].map {
                    var item = $0
                    item.status = .closed
                    item.endedAt = now
                    return item
                })
            }
            var batch = StoreBatch()
            batch.sessions = [(session, stored)]
            batch.handoffs = closed.map { [$0] } ?? []
            guard try await commit(session, batch) else { continue }
            finish(session) { entry, table in
                entry.stored = stored.saved(at: now)
                entry.history = []
                if let closed { self.move(closed, in: &table, entry: &entry) }
            }
            return
        }
        throw busy(session)
    }

    /// Whether the session is known (in memory or in the store).
    public func exists(_ session: String) async throws(ServiceError) -> Bool {
        if table.withLock({ $0.sessions[session] != nil }) { return true }
        guard let store = commits.store else { return false }
        do {
            return try await store.load(session) != nil
        } catch {
            throw ServiceError(.storeFailed, error.description)
        }
    }

    /// Throws `unknown_session` for a session never seen.
    func checkExists(_ session: String) async throws(ServiceError) {
        if try await !exists(session) {
            throw ServiceError(.unknownSession, "there is no session '\(session.prefix(64))'; start one by sending a line")
        }
    }

    /// Stops taking lines (`shutting_down`) and ends every open connection's event stream; lines
    /// already being answered finish and are stored.
    public func shutDown() {
        remoteChanges.withLock { $0?.cancel() }
        table.withLock { table in
            table.closing = true
            for entry in table.sessions.values { for listener in entry.listeners.values { listener.finish() } }
            for listener in table.agentListeners.values { listener.finish() }
        }
    }

    // MARK: - One line

    /// Checks the rate limit and that the server still takes lines; creates the session's entry.
    private func admit(_ session: String, at now: Double) throws(ServiceError) {
        let limit = rateLimit
        let admitted = table.withLock { table -> Bool? in
            if table.closing { return nil }
            return Self.mutate(&table.sessions[session, default: freshEntry()]) { $0.bucket.take(limit, now: now) }
        }
        guard let admitted else { throw ServiceError(.shuttingDown, "the server is shutting down; send the line again in a moment") }
        guard admitted else {
            throw ServiceError(.rateLimited, "session '\(session.prefix(64))' sent too many lines (at most \(Int(limit.capacity)) at once, then \(limit.perSecond) a second); wait and send it again")
        }
    }

    /// The turn of a session already acquired; releases it. Answered again from the newer state
    /// when another server wrote the session meanwhile.
    private func answer(_ text: String, in session: String, at reference: ReferenceTime?, now: Double,
                        origin: Int?) async throws(ServiceError) -> CustomerTurn {
        for attempt in 0..<Self.maximumAttempts {
            try await load(session, again: attempt > 0)
            let (known, open, lastHolding) = table.withLock { table in
                let entry = table.sessions[session]
                return (entry?.stored ?? StoredSession(), table.openCases[session], entry?.lastHolding ?? -.infinity)
            }
            let stored = open == nil ? known.resumed(at: now, idleTimeout: idleTimeout) : known
            let time = reference ?? ReferenceTime(Date(timeIntervalSince1970: now), in: engine.timeZone)
            var next = stored
            let reply: Reply?
            let record: Reply
            var opened: HandoffCase?
            if let open {
                // An agent has the conversation: the bot says only the holding message, now and then.
                next.state.turns += 1
                let holding = open.status == .waiting && now - lastHolding >= holdingInterval
                reply = holding ? engine.respond(to: text, in: stored.state, at: time).0 : nil
                record = Reply(text: reply?.text ?? "", source: .handoff(open.reason), slots: next.state.slots, handoff: true,
                               policy: .handoff, reason: open.status == .waiting ? "waiting for an agent" : "with agent \(open.agent ?? "")")
            } else {
                let (answered, state) = engine.respond(to: text, in: stored.state, at: time)
                next.state = state
                reply = answered
                record = answered
                if agentsEnabled, answered.handoff, !stored.state.handoff {
                    opened = HandoffCase(session: session, conversation: stored.conversation, turn: state.turns,
                                         reason: state.handoffReason ?? HandoffReason(.asked), requestedAt: now)
                }
            }
            var batch = StoreBatch()
            batch.sessions = [(session, next)]
            batch.turns = [TurnRecord(session: session, conversation: next.conversation, turn: next.state.turns, time: now,
                                      text: text, reply: record)]
            batch.handoffs = opened.map { [$0] } ?? []
            guard try await commit(session, batch) else { continue }
            let buttons = reply == nil || open != nil ? [] : QuickReply.answering(next.state.pending)
            let customer = ChatMessage(author: .customer, text: text, time: now)
            let bot = reply.map { ChatMessage(author: .bot, text: $0.text, time: now, buttons: buttons) }
            let recordedTurn = batch.turns[0]
            let caseAfter = finish(session, record: { folder in
                folder.record(session: session, conversation: recordedTurn.conversation, turn: recordedTurn.turn, user: text,
                              reply: record, at: time, human: open != nil)
            }) { entry, table -> HandoffCase? in
                entry.stored = next.saved(at: now)
                if reply != nil, open != nil { entry.lastHolding = now }
                self.append(customer, to: &entry, origin: origin)
                if let bot { self.append(bot, to: &entry, origin: origin) }
                if open != nil { self.tellAgents(.message(session: session, customer), in: table) }
                if let opened {
                    self.metrics.handedOff(opened.reason.kind)
                    self.move(opened, in: &table, entry: &entry, origin: origin)
                }
                return table.openCases[session]
            }
            return CustomerTurn(reply: reply, buttons: buttons, handoff: caseAfter, state: next.state)
        }
        throw busy(session)
    }

    /// Releases a session that kept changing on other servers and says so (`store_failed`).
    func busy(_ session: String) -> ServiceError {
        releaseSession(session) { _, _ in }
        metrics.storeFailures.increment()
        return ServiceError(.storeFailed, "session '\(session.prefix(64))' kept changing on other servers; nothing changed, send it again")
    }

    // MARK: - Sessions, one action at a time

    /// Waits until no other line or action of `session` is being worked on, and takes it.
    func acquire(_ session: String) async {
        if take(session, orQueue: nil) { return }
        await withCheckedContinuation { (resume: CheckedContinuation<Void, Never>) in
            if take(session, orQueue: resume) { resume.resume() }
        }
    }

    /// Takes the session if it is free; otherwise queues `waiter` (if any) and returns false.
    private func take(_ session: String, orQueue waiter: CheckedContinuation<Void, Never>?) -> Bool {
        table.withLock { table in
            Self.mutate(&table.sessions[session, default: freshEntry()]) { entry in
                if !entry.busy {
                    entry.busy = true
                    return true
                }
                if let waiter { entry.waiters.append(waiter) }
                return false
            }
        }
    }

    /// A session never seen before (built only when a lookup misses: the table's `default:`).
    func freshEntry() -> SessionEntry {
        SessionEntry(loaded: !commits.hasStore, bucket: TokenBucket(rateLimit, now: clock()))
    }

    static func mutate<Value>(_ entry: inout SessionEntry, _ body: (inout SessionEntry) -> Value) -> Value { body(&entry) }

    /// Applies `update` to the session and lets the next waiter in.
    @discardableResult
    func releaseSession<Value>(_ session: String, _ update: (inout SessionEntry, inout Table) -> Value) -> Value {
        let (value, next) = table.withLock { table -> (Value, CheckedContinuation<Void, Never>?) in
            // A taken session is always in the table (`acquire` put it there).
            var entry = table.sessions.removeValue(forKey: session) ?? freshEntry()
            let value = update(&entry, &table)
            var next: CheckedContinuation<Void, Never>?
            if entry.waiters.isEmpty { entry.busy = false } else { next = entry.waiters.removeFirst() }
            table.uses += 1
            entry.lastUse = table.uses
            table.sessions[session] = entry
            if table.sessions.count > sessionCapacity { dropLeastRecentlyUsed(&table) }
            return (value, next)
        }
        next?.resume()
        return value
    }

    /// Runs `body` on a session taken for it (read from the store first if need be).
    /// - Parameter create: false to answer `unknown_session` for a session never seen.
    func withSession<Value: Sendable>(_ session: String, create: Bool,
                                      _ body: (inout SessionEntry, inout Table) -> Value) async throws(ServiceError) -> Value {
        if !create { try await checkExists(session) }
        await acquire(session)
        try await load(session)
        return releaseSession(session, body)
    }

    /// Commits `batch` of a taken session: true when written; false when another server wrote
    /// the session since it was read (nothing written, the session still taken: read it again
    /// and retry). On a store failure releases the session unchanged and throws `store_failed`.
    func commit(_ session: String, _ batch: StoreBatch) async throws(ServiceError) -> Bool {
        do {
            return try await commits.commit(batch).isEmpty
        } catch {
            metrics.storeFailures.increment()
            releaseSession(session) { _, _ in }
            throw ServiceError(.storeFailed, "\(error.description); \(error.advice)")
        }
    }

    /// After a commit: writes the transcript, applies `update` and releases the session.
    /// - Parameter record: what the change adds to the session's transcript (with `--record`),
    ///   written before the session is released so a session's file keeps its order.
    @discardableResult
    func finish<Value>(_ session: String, record: ((inout RecordingFolder) -> Void)? = nil,
                       _ update: (inout SessionEntry, inout Table) -> Value) -> Value {
        if let record {
            let problems = recording.withLock { folder -> [String] in
                guard var current = folder else { return [] }
                folder = nil   // keeps the folder's tables uniquely referenced while they change
                record(&current)
                let problems = current.save().map(\.description)
                folder = current
                return problems
            }
            for problem in problems { warn(problem) }
        }
        return releaseSession(session, update)
    }

    /// Drops the least recently used sessions beyond ``sessionCapacity`` that nothing is using
    /// (no line, no connection, no open case).
    private func dropLeastRecentlyUsed(_ table: inout Table) {
        let cases = table.openCases
        let keys = LRUEviction.keysToDrop(from: table.sessions, capacity: sessionCapacity, lastUse: \.lastUse) { entry in
            !entry.busy && entry.waiters.isEmpty && entry.listeners.isEmpty
        }
        for key in keys where cases[key] == nil { table.sessions[key] = nil }
    }

    /// Reads a taken session from the store (its state, conversation and open case) if it has
    /// not been yet, or `again` after another server wrote it. On a failure releases the session
    /// and throws `store_failed`.
    func load(_ session: String, again: Bool = false) async throws(ServiceError) {
        guard let store = commits.store, again || !(table.withLock { $0.sessions[session]?.loaded ?? true }) else { return }
        let stored: StoredSession
        let conversation: StoredConversation
        let open: HandoffCase?
        do {
            if let known = try await store.load(session) {
                stored = known
                conversation = try await store.conversation(session, stored.conversation)
                open = try await store.openHandoff(of: session)
            } else {
                (stored, conversation, open) = (StoredSession(), StoredConversation(), nil)   // a new session has neither
            }
        } catch {
            releaseSession(session) { _, _ in }
            throw ServiceError(.storeFailed, "\(error.description); \(error.advice)")
        }
        let history = Self.messages(conversation)
        table.withLock { table in
            table.sessions[session]?.stored = stored
            table.sessions[session]?.history = history
            table.sessions[session]?.loaded = true
            table.openCases[session] = open
        }
    }

    /// A stored conversation as chat lines: each customer line, the bot's reply if it gave one,
    /// and the agents' messages after the line they followed.
    static func messages(_ conversation: StoredConversation) -> [ChatMessage] {
        var messages: [ChatMessage] = []
        var agent = conversation.agentMessages[...]
        func agentMessages(upTo turn: Int) {
            while let next = agent.first, next.afterTurn <= turn {
                messages.append(ChatMessage(author: .agent, text: next.text, time: next.time, agent: next.agent))
                agent = agent.dropFirst()
            }
        }
        for turn in conversation.turns {
            agentMessages(upTo: turn.turn - 1)
            messages.append(ChatMessage(author: .customer, text: turn.user, time: turn.time))
            if !turn.reply.isEmpty { messages.append(ChatMessage(author: .bot, text: turn.reply, time: turn.time)) }
        }
        agentMessages(upTo: .max)
        return Array(messages.suffix(historyLimit))
    }
}

