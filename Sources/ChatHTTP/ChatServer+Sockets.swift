import ChatCore
import ChatService
import ChatStdio
import Hummingbird
import HummingbirdWebSocket
import SessionStorage
import Synchronization

extension ChatServer {
    /// `GET /ws` (customers) and `GET /api/agent/ws` (agents, with a token).
    ///
    /// Customer frames: `{"type":"message","text":"…","id"?,"now"?}`, `{"type":"typing"}`,
    /// `{"type":"reset"}`. The server sends `hello` (the session, its case and history), `reply`
    /// (to each message, in order, with the open hand-off case if any), `message` (an agent's line, or a line from another tab),
    /// `typing`, `handoff` (status changes), `reset` and `error`.
    func addSocketRoutes(to router: Router<BasicWebSocketRequestContext>) {
        let server = self
        router.ws("/ws") { _, _ in
            .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            await server.customerSocket(inbound, outbound, asked: context.request.uri.queryParameters.get("session"))
        }
        guard let token else { return }
        router.ws("/api/agent/ws") { request, _ in
            if request.headers[.authorization] != nil, !token.authorizes(request) { throw HTTPFailure.unauthorized }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            let request = context.request
            let preauthorized = request.headers[.authorization] != nil
            await server.agentSocket(inbound, outbound, authorized: preauthorized, agent: Self.agentName(request.headers[.kefuAgent]))
        }
    }

    // MARK: - Customers

    /// The most customer lines one socket may have waiting for their replies.
    static let maximumWaiting = 64

    private func customerSocket(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter, asked: String?) async {
        let session = asked.flatMap { SessionID.isValid($0) ? $0 : nil } ?? hub.newSession()
        sockets.opened()
        defer { sockets.closed() }
        let (listener, events) = hub.subscribe(to: session)
        defer { hub.unsubscribe(listener, from: session) }
        let snapshot = try? await hub.snapshot(of: session)
        let hello = SocketFrame.frame { line in
            line.key("type"); line.string("hello")
            line.key("session"); line.string(session)
            line.key("handoff")
            if let item = snapshot?.handoff { ChatJSON.write(item, to: &line) } else { line.null() }
            line.key("messages"); ChatJSON.write(snapshot?.messages ?? [], to: &line)
        }
        guard (try? await outbound.write(.text(hello))) != nil else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in events {
                    guard (try? await outbound.write(.text(Self.frame(event)))) != nil else { return }
                }
            }
            // Frames are read as soon as they arrive and kept as text, so lines waiting for their
            // turn do not hold the connection's network buffers; more than `maximumWaiting`
            // unanswered lines close the socket (a flood, not a customer).
            let (lines, waiting) = AsyncStream.makeStream(of: String?.self)
            let count = Mutex(0)
            group.addTask {
                do {
                    for try await message in inbound.messages(maxSize: HTTPOptions.bodyLimit) {
                        guard case .text(let text) = message else {
                            waiting.yield(nil)
                            continue
                        }
                        if count.withLock({ $0 += 1; return $0 }) > Self.maximumWaiting {
                            try? await outbound.close(.policyViolation, reason: "more than \(Self.maximumWaiting) lines waiting")
                            break
                        }
                        waiting.yield(text)
                    }
                } catch {
                    // The customer went away or sent a frame over the limit; the session stays.
                }
                waiting.finish()
            }
            for await line in lines {
                guard let text = line else {
                    guard (try? await outbound.write(.text(SocketFrame.error(ErrorCode.invalidJSON.rawValue, "send JSON text frames", id: nil)))) != nil else { break }
                    continue
                }
                // A task per frame: the turn's async frames are freed with it instead of growing
                // the connection task's memory for as long as the socket is open.
                let answer = await Task { await customerFrame(text, session: session, listener: listener) }.value
                count.withLock { $0 -= 1 }
                guard (try? await outbound.write(.text(answer))) != nil else { break }
            }
            group.cancelAll()
        }
    }

    /// The answer to one customer frame.
    private func customerFrame(_ text: String, session: String, listener: Int) async -> String {
        let frame: SocketFrame
        switch SocketFrame.read(text) {
        case .failure(let error): return SocketFrame.error(error.code.rawValue, error.message, id: error.id)
        case .success(let read): frame = read
        }
        do {
            switch frame.type {
            case "message":
                let parsed = frame.bytes.withUnsafeBufferPointer {
                    ChatStdio.Request.parse($0, timeZone: hub.engine.timeZone, session: session)
                }
                let line = try Self.customerLine(parsed)
                let turn = try await serviceCall(session) { try await hub.say(line.text, in: session, at: line.now, origin: listener) }
                return SocketFrame.frame { json in
                    json.key("type"); json.string("reply")
                    if let id = frame.id { json.key("id"); json.raw(id) }
                    json.key("result"); json.raw(ChatJSON.replyBody(turn, session: session, id: nil))
                    if !turn.buttons.isEmpty { json.key("buttons"); ChatJSON.write(turn.buttons, to: &json) }
                    if let item = turn.handoff { json.key("handoff"); ChatJSON.write(item, to: &json) }
                }
            case "typing":
                hub.customerTyping(in: session)
                return SocketFrame.frame { $0.key("type"); $0.string("ok") }
            case "reset":
                try await serviceCall(session) { try await hub.reset(session) }
                return SocketFrame.frame { json in
                    json.key("type"); json.string("reset")
                    if let id = frame.id { json.key("id"); json.raw(id) }
                }
            default:
                return SocketFrame.error(ErrorCode.unknownCommand.rawValue,
                                         "unknown frame type \"\(frame.type.prefix(40))\"; send message, typing or reset", id: frame.id)
            }
        } catch {
            return SocketFrame.error(error.code, error.message, id: frame.id)
        }
    }

    static func frame(_ event: ChatEvent) -> String {
        SocketFrame.frame { line in
            switch event {
            case .message(let message):
                line.key("type"); line.string("message")
                line.key("message"); ChatJSON.write(message, to: &line)
            case .typing(let author):
                line.key("type"); line.string("typing")
                line.key("author"); line.string(author.rawValue)
            case let .handoff(status, agent):
                line.key("type"); line.string("handoff")
                line.key("status"); line.string(status.rawValue)
                line.key("agent"); line.string(agent)
            }
        }
    }

    // MARK: - Agents

    /// An agent's socket: after `{"type":"hello","token":"…","agent":"王芳"}` (or an
    /// `Authorization` header on the upgrade) the server sends the queue, then every change;
    /// the agent sends `open`, `claim`, `message`, `typing`, `release` and `close` with a `session`.
    private func agentSocket(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter,
                             authorized preauthorized: Bool, agent named: String) async {
        sockets.opened()
        defer { sockets.closed() }
        var iterator = inbound.messages(maxSize: HTTPOptions.bodyLimit).makeAsyncIterator()
        var agent = named
        if !preauthorized {
            guard let first = try? await iterator.next(), case .text(let text) = first,
                  case .success(let hello) = SocketFrame.read(text), hello.type == "hello",
                  let presented = hello.string("token"), token?.matches(presented.utf8) == true else {
                try? await outbound.write(.text(SocketFrame.error("unauthorized", "the first frame must be {\"type\":\"hello\",\"token\":\"…\",\"agent\":\"NAME\"} with the agent token", id: nil)))
                try? await outbound.close(.policyViolation, reason: "unauthorized")
                return
            }
            agent = Self.agentName(hello.string("agent") ?? named)
        }
        let (listener, events) = hub.subscribeAgent()
        defer { hub.unsubscribeAgent(listener) }
        let queue = hub.queue()
        let welcome = SocketFrame.frame { line in
            line.key("type"); line.string("queue")
            line.key("agent"); line.string(agent)
            line.key("cases")
            line.openArray()
            for item in queue {
                line.element()
                ChatJSON.write(item, to: &line)
            }
            line.closeArray()
        }
        guard (try? await outbound.write(.text(welcome))) != nil else { return }
        let name = agent
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in events {
                    guard (try? await outbound.write(.text(Self.frame(event)))) != nil else { return }
                }
            }
            do {
                while let message = try await iterator.next() {
                    guard case .text(let text) = message else { continue }
                    if let answer = await agentFrame(text, agent: name) { try await outbound.write(.text(answer)) }
                }
            } catch {
                // The agent went away; the cases stay as they are.
            }
            group.cancelAll()
        }
    }

    /// The answer to one agent frame (nil for `typing`).
    private func agentFrame(_ text: String, agent: String) async -> String? {
        let frame: SocketFrame
        switch SocketFrame.read(text) {
        case .failure(let error): return SocketFrame.error(error.code.rawValue, error.message, id: error.id)
        case .success(let read): frame = read
        }
        guard let session = frame.session, SessionID.isValid(session) else {
            return SocketFrame.error(ErrorCode.missingField.rawValue, "\"session\" is missing: the case to act on", id: frame.id)
        }
        func answer(_ item: HandoffCase) -> String {
            SocketFrame.frame { line in
                line.key("type"); line.string("ok")
                if let id = frame.id { line.key("id"); line.raw(id) }
                line.key("case"); ChatJSON.write(item, to: &line)
            }
        }
        do {
            switch frame.type {
            case "open":
                let snapshot = try await serviceCall(session) { try await hub.openCase(session) }
                return SocketFrame.frame { line in
                    line.key("type"); line.string("conversation")
                    if let id = frame.id { line.key("id"); line.raw(id) }
                    line.key("conversation"); ChatJSON.write(snapshot, to: &line)
                }
            case "claim":
                return answer(try await serviceCall(session) { try await hub.claim(session, agent: agent) })
            case "release":
                return answer(try await serviceCall(session) { try await hub.release(session, agent: agent) })
            case "close":
                return answer(try await serviceCall(session) { try await hub.close(session, agent: agent) })
            case "message":
                guard let text = frame.string("text"), text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                    return SocketFrame.error(ErrorCode.emptyText.rawValue, "\"text\" is empty; write something to the customer", id: frame.id)
                }
                try await serviceCall(session) { try await hub.agentSay(text, in: session, agent: agent) }
                return SocketFrame.frame { line in
                    line.key("type"); line.string("sent")
                    if let id = frame.id { line.key("id"); line.raw(id) }
                    line.key("session"); line.string(session)
                }
            case "typing":
                hub.agentTyping(in: session, agent: agent)
                return nil
            default:
                return SocketFrame.error(ErrorCode.unknownCommand.rawValue,
                                         "unknown frame type \"\(frame.type.prefix(40))\"; send open, claim, message, typing, release or close",
                                         id: frame.id)
            }
        } catch {
            return SocketFrame.error(error.code, error.message, id: frame.id)
        }
    }

    static func frame(_ event: AgentEvent) -> String {
        SocketFrame.frame { line in
            switch event {
            case .caseChanged(let item):
                line.key("type"); line.string("case")
                line.key("case"); ChatJSON.write(item, to: &line)
            case let .message(session, message):
                line.key("type"); line.string("message")
                line.key("session"); line.string(session)
                line.key("message"); ChatJSON.write(message, to: &line)
            case .typing(let session):
                line.key("type"); line.string("typing")
                line.key("session"); line.string(session)
            }
        }
    }
}
