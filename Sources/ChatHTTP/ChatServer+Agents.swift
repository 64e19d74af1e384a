import ChatService
import Foundation
import ChatStdio
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import SessionStorage

extension ChatServer {
    /// The agents' routes (only with a token): the queue, a case, and what an agent does with one.
    /// Every one needs `Authorization: Bearer TOKEN`; the agent names themself in `X-Kefu-Agent`.
    func addAgentRoutes(to router: Router<BasicWebSocketRequestContext>) {
        guard token != nil else { return }
        let server = self
        let agents = router.group("/api/agent")
        agents.get("/cases") { request, _ -> Hummingbird.Response in
            try server.authorize(request)
            let cases = server.hub.queue()
            return JSONBody.make { line in
                line.open()
                line.key("cases")
                line.openArray()
                for item in cases {
                    line.element()
                    ChatJSON.write(item, to: &line)
                }
                line.closeArray()
                line.close()
            }
        }
        agents.get("/cases/:session") { request, context -> Hummingbird.Response in
            try server.authorize(request)
            let session = try Self.session(context)
            let snapshot = try await server.serviceCall(session) { try await server.hub.openCase(session) }
            return JSONBody.make { ChatJSON.write(snapshot, to: &$0) }
        }
        agents.post("/cases/:session/claim") { request, context -> Hummingbird.Response in
            let (session, agent) = try server.agentCall(request, context)
            return try await server.caseResponse(session) { try await server.hub.claim(session, agent: agent) }
        }
        agents.post("/cases/:session/release") { request, context -> Hummingbird.Response in
            let (session, agent) = try server.agentCall(request, context)
            return try await server.caseResponse(session) { try await server.hub.release(session, agent: agent) }
        }
        agents.post("/cases/:session/close") { request, context -> Hummingbird.Response in
            let (session, agent) = try server.agentCall(request, context)
            return try await server.caseResponse(session) { try await server.hub.close(session, agent: agent) }
        }
        agents.post("/cases/:session/messages") { request, context -> Hummingbird.Response in
            let (session, agent) = try server.agentCall(request, context)
            let text = try Self.agentText(try await JSONBody.read(request))
            try await server.serviceCall(session) { try await server.hub.agentSay(text, in: session, agent: agent) }
            return JSONBody.make(status: .created) { line in
                line.open()
                line.key("session"); line.string(session)
                line.key("sent"); line.bool(true)
                line.close()
            }
        }
    }

    /// Throws 401 unless the request carries the agent token.
    func authorize(_ request: Hummingbird.Request) throws(HTTPFailure) {
        guard let token, token.authorizes(request) else { throw HTTPFailure.unauthorized }
    }

    /// The session of an authorised agent request and the agent's name (`X-Kefu-Agent`, else `agent`).
    private func agentCall(_ request: Hummingbird.Request, _ context: BasicWebSocketRequestContext) throws(HTTPFailure) -> (String, String) {
        try authorize(request)
        return (try Self.session(context), Self.agentName(request.headers[.kefuAgent]))
    }

    /// An agent's name as given, trimmed to 64 characters; `agent` when none is given.
    static func agentName(_ given: String?) -> String {
        let name = (given ?? "").trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? "agent" : String(name.prefix(64))
    }

    private func caseResponse(_ session: String, _ body: () async throws -> HandoffCase) async throws(HTTPFailure) -> Hummingbird.Response {
        let item = try await serviceCall(session, body)
        return JSONBody.make { ChatJSON.write(item, to: &$0) }
    }

    /// The `text` of an agent's message body `{"text":"您好，我来帮您查"}`.
    static func agentText(_ body: [UInt8]) throws(HTTPFailure) -> String {
        let parsed = body.withUnsafeBufferPointer { ChatStdio.Request.parse($0, session: "agent") }
        return try customerLine(parsed).text
    }
}

extension HTTPField.Name {
    /// The agent's name on agent requests.
    static let kefuAgent = HTTPField.Name("X-Kefu-Agent")!
}
