import ChatCore
import Dialogue
import SessionStorage
import Transcripts

extension ConversationHub {
    /// The open cases (waiting and claimed), oldest first.
    public func queue() -> [HandoffCase] {
        table.withLock { Array($0.openCases.values) }.sorted {
            ($0.requestedAt, $0.session) < ($1.requestedAt, $1.session)
        }
    }

    /// A case with the conversation so far, for the agent deciding to take it.
    public func openCase(_ session: String) async throws(ServiceError) -> SessionSnapshot {
        try checkAgents()
        let snapshot = try await snapshot(of: session)
        guard snapshot.handoff != nil else { throw notHandedOff(session) }
        return snapshot
    }

    /// `agent` takes a waiting case (or one already theirs); the customer is told who.
    @discardableResult
    public func claim(_ session: String, agent: String) async throws(ServiceError) -> HandoffCase {
        let now = clock()
        return try await change(session, agent: agent, mustHold: false) { (item: inout HandoffCase, _: inout StoredSession) throws(ServiceError) in
            if item.status == .claimed, item.agent != agent {
                throw ServiceError(.notYourCase, "\(item.agent ?? "another agent") has already claimed session '\(session.prefix(64))'")
            }
            if item.status == .waiting {
                item.status = .claimed
                item.agent = agent
                item.claimedAt = now
            }
        }
    }

    /// `agent`, who holds the case, writes to the customer.
    public func agentSay(_ text: String, in session: String, agent: String) async throws(ServiceError) {
        let now = clock()
        try await change(session, agent: agent, mustHold: true, extra: { _, stored in
            AgentMessage(session: session, conversation: stored.conversation, afterTurn: stored.state.turns,
                         time: now, agent: agent, text: text)
        }) { item, _ in
            if item.firstReplyAt == nil { item.firstReplyAt = now }
        }
    }

    /// `agent` gives the conversation back to the bot, which answers the next line afresh
    /// (misses, the upset count and any open question forgotten).
    @discardableResult
    public func release(_ session: String, agent: String) async throws(ServiceError) -> HandoffCase {
        let now = clock()
        return try await change(session, agent: agent, mustHold: true) { item, stored in
            item.status = .released
            item.endedAt = now
            stored.state = stored.state.returnedFromAgent()
        }
    }

    /// `agent` ends the conversation; the customer's next line starts a new one.
    @discardableResult
    public func close(_ session: String, agent: String) async throws(ServiceError) -> HandoffCase {
        let now = clock()
        return try await change(session, agent: agent, mustHold: true) { item, stored in
            item.status = .closed
            item.endedAt = now
            stored = stored.nextConversation()
        }
    }

    /// `agent` is typing in a case they hold: the customer sees it.
    public func agentTyping(in session: String, agent: String) {
        table.withLock { table in
            guard let item = table.openCases[session], item.agent == agent, let entry = table.sessions[session] else { return }
            tell(.typing(.agent), to: entry)
        }
    }

    // MARK: - Changing a case

    private func checkAgents() throws(ServiceError) {
        guard agentsEnabled else {
            throw ServiceError(.agentsDisabled, "the agent side is off; start the server with --agent-token or KEFU_AGENT_TOKEN")
        }
    }

    private func notHandedOff(_ session: String) -> ServiceError {
        ServiceError(.notHandedOff, "session '\(session.prefix(64))' is not waiting for or with an agent")
    }

    /// Applies `body` to the open case of `session` and its stored session, writes both (and the
    /// message `extra` makes), then tells everyone.
    /// - Parameter mustHold: whether `agent` must have claimed the case first.
    @discardableResult
    private func change(_ session: String, agent: String, mustHold: Bool,
                        extra: ((HandoffCase, StoredSession) -> AgentMessage)? = nil,
                        _ body: (inout HandoffCase, inout StoredSession) throws(ServiceError) -> Void) async throws(ServiceError) -> HandoffCase {
        try checkAgents()
        guard try await exists(session) else { throw notHandedOff(session) }
        await acquire(session)
        for attempt in 0..<Self.maximumAttempts {
            try await load(session, again: attempt > 0)
            let current = table.withLock { table in (table.openCases[session], table.sessions[session]?.stored ?? StoredSession()) }
            guard var item = current.0 else {
                releaseSession(session) { _, _ in }
                throw notHandedOff(session)
            }
            if mustHold, item.status != .claimed || item.agent != agent {
                releaseSession(session) { _, _ in }
                throw ServiceError(.notYourCase, item.status == .waiting
                    ? "claim session '\(session.prefix(64))' before writing to it, releasing or closing it"
                    : "\(item.agent ?? "another agent") holds session '\(session.prefix(64))'")
            }
            var stored = current.1
            let message = extra?(item, stored)
            do {
                try body(&item, &stored)
            } catch {
                releaseSession(session) { _, _ in }
                throw error
            }
            var batch = StoreBatch()
            batch.sessions = [(session, stored)]
            batch.handoffs = [item]
            batch.agentMessages = message.map { [$0] } ?? []
            guard try await commit(session, batch) else { continue }
            let changedCase = item
            let changedSession = stored.saved(at: clock())
            let reset = stored.conversation != current.1.conversation
            let before = current.1
            let record: (inout RecordingFolder) -> Void = { folder in
                if let message { folder.recordAgent(session: session, conversation: before.conversation, turn: before.state.turns,
                                                    AgentLine(name: message.agent, text: message.text)) }
                if changedCase.status == .released {
                    folder.recordRelease(session: session, conversation: before.conversation, turn: before.state.turns)
                }
            }
            return finish(session, record: record) { entry, table in
                let wasStatus = table.openCases[session]?.status
                entry.stored = changedSession
                if reset { entry.history = [] }
                if let message {
                    let line = ChatMessage(author: .agent, text: message.text, time: message.time, agent: message.agent)
                    self.append(line, to: &entry, origin: nil)
                    self.tellAgents(.message(session: session, line), in: table)
                }
                if wasStatus != changedCase.status || !changedCase.status.isOpen { self.move(changedCase, in: &table, entry: &entry) }
                return changedCase
            }
        }
        throw busy(session)
    }
}
