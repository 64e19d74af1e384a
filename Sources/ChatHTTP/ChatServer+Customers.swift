import ChatCore
import ChatService
import ChatStdio
import Entities
import Foundation
import Hummingbird
import HummingbirdWebSocket

extension ChatServer {
    /// The customer's routes: Rasa's webhook and the session API.
    func addCustomerRoutes(to router: Router<BasicWebSocketRequestContext>) {
        let server = self
        router.post("/webhooks/rest/webhook") { request, _ -> Response in
            try await server.webhook(request)
        }
        router.post("/api/sessions") { _, _ -> Response in
            let session = server.hub.newSession()
            return JSONBody.make(status: .created) { line in
                line.open()
                line.key("session"); line.string(session)
                line.close()
            }
        }
        router.post("/api/sessions/:session/messages") { request, context -> Response in
            try await server.message(request, session: try Self.session(context))
        }
        router.get("/api/sessions/:session") { _, context -> Response in
            let session = try Self.session(context)
            let snapshot = try await server.serviceCall(session) { try await server.hub.snapshot(of: session) }
            return JSONBody.make { ChatJSON.write(snapshot, to: &$0) }
        }
        router.delete("/api/sessions/:session") { _, context -> Response in
            let session = try Self.session(context)
            try await server.serviceCall(session) { try await server.hub.reset(session) }
            var line = JSONLine()
            ChatStdio.Response.reset(session: session, id: nil).write(to: &line)
            return JSONBody.response(line.bytes)
        }
    }

    /// `POST /webhooks/rest/webhook`: Rasa's REST channel, so Rasa's widgets and clients work unchanged.
    /// `{"sender":"c42","message":"我想退货"}` → `[{"recipient_id":"c42","text":"请提供您的订单号（14位数字）。"}]`;
    /// `[]` while an agent has the conversation (the agent's lines come over the WebSocket).
    private func webhook(_ request: Hummingbird.Request) async throws -> Response {
        let body = try await JSONBody.read(request)
        let parsed = body.withUnsafeBufferPointer { ChatStdio.Request.parse($0, timeZone: hub.engine.timeZone, fields: .rasa) }
        let line = try Self.customerLine(parsed)
        let turn = try await serviceCall(line.session) { try await hub.say(line.text, in: line.session, at: line.now) }
        return JSONBody.make { json in
            json.openArray()
            if let reply = turn.reply {
                json.element()
                json.open()
                json.key("recipient_id"); json.string(line.session)
                json.key("text"); json.string(reply.text)
                if !turn.buttons.isEmpty { json.key("buttons"); ChatJSON.write(turn.buttons, to: &json) }
                json.close()
            }
            json.closeArray()
        }
    }

    /// `POST /api/sessions/{id}/messages` `{"text":"我想退货","now"?,"id"?}` → the stdio reply object.
    private func message(_ request: Hummingbird.Request, session: String) async throws -> Response {
        let body = try await JSONBody.read(request)
        let parsed = body.withUnsafeBufferPointer { ChatStdio.Request.parse($0, timeZone: hub.engine.timeZone, session: session) }
        let line = try Self.customerLine(parsed)
        let turn = try await serviceCall(session) { try await hub.say(line.text, in: session, at: line.now) }
        return JSONBody.response(ChatJSON.replyBody(turn, session: session, id: line.id))
    }

    /// The session named in the path, checked.
    static func session(_ context: BasicWebSocketRequestContext) throws(HTTPFailure) -> String {
        let raw = context.parameters.get("session") ?? ""
        let session = raw.removingPercentEncoding ?? raw
        guard SessionID.isValid(session) else {
            throw HTTPFailure(.badRequest, ErrorCode.invalidField.rawValue,
                              "the session in the path must be 1 to \(SessionID.maximumLength) characters without control characters")
        }
        return session
    }

    /// A customer line read from a body, or the stdio error for it.
    static func customerLine(_ parsed: Result<ChatStdio.Request, RequestError>) throws(HTTPFailure)
        -> (session: String, text: String, now: ReferenceTime?, id: [UInt8]?) {
        switch parsed {
        case .failure(let error):
            throw HTTPFailure(error)
        case .success(let request):
            guard case .text(let text) = request.action else {
                throw HTTPFailure(.badRequest, ErrorCode.invalidField.rawValue, "send a customer line as \"text\"")
            }
            guard SessionID.isValid(request.session) else {
                throw HTTPFailure(.badRequest, ErrorCode.invalidField.rawValue,
                                  "the session must be 1 to \(SessionID.maximumLength) characters without control characters")
            }
            return (request.session, text, request.now, request.id)
        }
    }

    /// Runs a service call, turning its error into the HTTP answer for it.
    func serviceCall<Value: Sendable>(_ session: String, _ body: () async throws -> Value) async throws(HTTPFailure) -> Value {
        do {
            return try await body()
        } catch let error as ServiceError {
            throw HTTPFailure(error, session: session)
        } catch let failure as HTTPFailure {
            throw failure
        } catch {
            throw HTTPFailure(.internalServerError, "internal", "\(error)", session: session)
        }
    }
}
