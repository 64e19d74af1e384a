import SessionStorage

extension ConversationHub {
    /// A customer connection's events for `session`, and the id to pass as `origin` and to
    /// ``unsubscribe(_:from:)``. A slow connection keeps only the newest 256 events.
    public func subscribe(to session: String) -> (id: Int, events: AsyncStream<ChatEvent>) {
        let (stream, continuation) = AsyncStream.makeStream(of: ChatEvent.self, bufferingPolicy: .bufferingNewest(256))
        let id = table.withLock { table -> Int in
            table.nextListener += 1
            let id = table.nextListener
            if table.closing { continuation.finish() }
            table.sessions[session, default: freshEntry()].listeners[id] = continuation
            return id
        }
        return (id, stream)
    }

    public func unsubscribe(_ id: Int, from session: String) {
        let listener = table.withLock { $0.sessions[session]?.listeners.removeValue(forKey: id) }
        listener?.finish()
    }

    /// The agents' events: every case that enters the queue or changes, and the lines of
    /// handed-off conversations.
    public func subscribeAgent() -> (id: Int, events: AsyncStream<AgentEvent>) {
        let (stream, continuation) = AsyncStream.makeStream(of: AgentEvent.self, bufferingPolicy: .bufferingNewest(1024))
        let id = table.withLock { table -> Int in
            table.nextListener += 1
            if table.closing { continuation.finish() }
            table.agentListeners[table.nextListener] = continuation
            return table.nextListener
        }
        return (id, stream)
    }

    public func unsubscribeAgent(_ id: Int) {
        table.withLock { $0.agentListeners.removeValue(forKey: id) }?.finish()
    }

    /// The customer of `session` is typing: told to the agent when the conversation is handed off.
    public func customerTyping(in session: String) {
        table.withLock { table in
            if table.openCases[session] != nil { tellAgents(.typing(session: session), in: table) }
        }
    }

    /// Open connections: customers' and agents'.
    public var openConnections: (customers: Int, agents: Int) {
        table.withLock { table in
            (table.sessions.values.reduce(0) { $0 + $1.listeners.count }, table.agentListeners.count)
        }
    }

    // MARK: - Inside the table's lock

    /// Adds a line to the conversation and tells the session's connections but `origin`.
    func append(_ message: ChatMessage, to entry: inout SessionEntry, origin: Int?) {
        entry.history.append(message)
        if entry.history.count > Self.historyLimit + Self.historyLimit / 4 {
            entry.history.removeFirst(entry.history.count - Self.historyLimit)
        }
        tell(.message(message), to: entry, except: origin)
    }

    func tell(_ event: ChatEvent, to entry: SessionEntry, except origin: Int? = nil) {
        for (id, listener) in entry.listeners where id != origin { listener.yield(event) }
    }

    func tellAgents(_ event: AgentEvent, in table: borrowing Table) {
        for listener in table.agentListeners.values { listener.yield(event) }
    }

    /// Records a case's new status in the table and tells the customer's connections (but
    /// `origin`, which learns it from its reply) and the agents.
    func move(_ item: HandoffCase, in table: inout Table, entry: inout SessionEntry, origin: Int? = nil) {
        if item.status.isOpen { table.openCases[item.session] = item } else { table.openCases[item.session] = nil }
        metrics.waiting.record(table.openCases.values.reduce(0) { $0 + ($1.status == .waiting ? 1 : 0) })
        tell(.handoff(item.status, agent: item.agent), to: entry, except: origin)
        tellAgents(.caseChanged(item), in: table)
    }
}

extension ConversationHub {
    /// Another server wrote `change.session`. A session someone here watches (an open connection,
    /// an open case) or whose case changed is read again at once and its connections and the
    /// agents are told what is new; any other is only marked to be read again when next used.
    func apply(_ change: StoreChange) async {
        let session = change.session
        let watched = table.withLock { table -> Bool? in
            guard let entry = table.sessions[session] else { return nil }
            return !entry.listeners.isEmpty || table.openCases[session] != nil
        }
        guard change.handoff || watched == true else {
            if watched != nil { table.withLock { $0.sessions[session]?.loaded = false } }
            return
        }
        await acquire(session)
        let before = table.withLock { table in
            (count: table.sessions[session]?.history.count ?? 0, conversation: table.sessions[session]?.stored.conversation,
             loaded: table.sessions[session]?.loaded ?? false, item: table.openCases[session])
        }
        do {
            try await load(session, again: true)
        } catch {
            return   // load released the session; the next line reads it again
        }
        releaseSession(session) { entry, table in
            let after = table.openCases[session]
            if before.loaded, entry.stored.conversation == before.conversation, entry.history.count > before.count {
                for message in entry.history[before.count...] {
                    tell(.message(message), to: entry)
                    if after != nil || before.item != nil { tellAgents(.message(session: session, message), in: table) }
                }
            }
            if after != before.item {
                if let after {
                    move(after, in: &table, entry: &entry)
                } else if var ended = before.item {
                    // Closing starts a new conversation; releasing goes on with the same one.
                    ended.status = entry.stored.conversation == before.conversation ? .released : .closed
                    ended.endedAt = clock()
                    move(ended, in: &table, entry: &entry)
                }
            }
        }
    }
}
