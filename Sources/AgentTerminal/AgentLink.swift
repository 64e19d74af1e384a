import ChatCore
import HTTPTypes
import HummingbirdWSClient
import Logging
import Synchronization

/// The agent's WebSocket to `kefu serve --http` (`/api/agent/ws`): sends commands, each with an
/// `id`, and hands their answers back to the caller; everything else the server pushes (the
/// queue, case changes, customer lines) goes to the event handler.
final class AgentLink: Sendable {
    private let url: String
    private let headers: HTTPFields
    private let outgoing: AsyncStream<String>.Continuation
    private let outgoingFrames: AsyncStream<String>
    private let waiting = Mutex<[Int: CheckedContinuation<JSONValue, any Error>]>([:])
    private let nextID = Mutex(0)
    private let open = Mutex(true)

    /// - Parameter server: `http://HOST:PORT` (or `https://`).
    init(server: String, token: String, agent: String) throws(AgentError) {
        guard let socket = Self.socketURL(server) else {
            throw AgentError("--server '\(server)' is not an http:// or https:// address such as http://127.0.0.1:8080")
        }
        url = socket
        var headers: HTTPFields = [:]
        headers[.authorization] = "Bearer \(token)"
        if let name = HTTPField.Name("X-Kefu-Agent") { headers[name] = agent }
        self.headers = headers
        (outgoingFrames, outgoing) = AsyncStream.makeStream(of: String.self)
    }

    /// `http://h:p/x` → `ws://h:p/api/agent/ws`.
    static func socketURL(_ server: String) -> String? {
        var base = server
        while base.hasSuffix("/") { base.removeLast() }
        for (web, socket) in [("http://", "ws://"), ("https://", "wss://")] where base.hasPrefix(web) && base.count > web.count {
            return socket + base.dropFirst(web.count) + "/api/agent/ws"
        }
        return nil
    }

    /// Connects and runs until the server closes the connection or ``close()`` is called.
    func run(events: @escaping @Sendable (JSONValue) -> Void) async throws {
        var logger = Logger(label: "kefu.agent")
        logger.logLevel = .critical
        let outgoingFrames = self.outgoingFrames
        try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 20, additionalHeaders: headers),
                                          logger: logger) { inbound, outbound, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await frame in outgoingFrames { try await outbound.write(.text(frame)) }
                    try await outbound.close(.normalClosure, reason: nil)
                }
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    guard case .text(let text) = message, let frame = try? JSONValue(parsing: text) else { continue }
                    if case .number(let id)? = frame["id"], let answer = self.take(Int(id)) {
                        answer.resume(returning: frame)
                    } else {
                        events(frame)
                    }
                }
                group.cancelAll()
            }
        }
        finish(AgentError("the server closed the connection"))
    }

    /// Sends a command and waits for its answer (`ok`, `conversation`, `sent` or `error`).
    func send(_ type: String, session: String? = nil, text: String? = nil) async throws -> JSONValue {
        let id = nextID.withLock { $0 += 1; return $0 }
        var members: [JSONValue.Member] = [.init("type", .string(type)), .init("id", .number(Double(id)))]
        if let session { members.append(.init("session", .string(session))) }
        if let text { members.append(.init("text", .string(text))) }
        let frame = JSONValue.object(members).text
        return try await withCheckedThrowingContinuation { (answer: CheckedContinuation<JSONValue, any Error>) in
            guard open.withLock({ $0 }) else { return answer.resume(throwing: AgentError("not connected to the server")) }
            waiting.withLock { $0[id] = answer }
            outgoing.yield(frame)
        }
    }

    /// Closes the connection.
    func close() { outgoing.finish() }

    private func take(_ id: Int) -> CheckedContinuation<JSONValue, any Error>? {
        waiting.withLock { $0.removeValue(forKey: id) }
    }

    private func finish(_ error: AgentError) {
        let pending = waiting.withLock { waiting in
            defer { waiting = [:] }
            return Array(waiting.values)
        }
        open.withLock { $0 = false }
        for answer in pending { answer.resume(throwing: error) }
    }
}

/// Why `kefu agent` cannot go on, in words for the agent.
public struct AgentError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}

extension JSONValue {
    /// The member `key` of an object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var string: String? { if case .string(let text) = self { text } else { nil } }
    var number: Double? { if case .number(let value) = self { value } else { nil } }
    var array: [JSONValue] { if case .array(let items) = self { items } else { [] } }
}
