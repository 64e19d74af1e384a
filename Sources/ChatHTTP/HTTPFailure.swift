import ChatService
import ChatStdio
import HTTPTypes
import Hummingbird

/// An answer that is an error: the HTTP status and the same error object the stdio adapter
/// writes, `{"error":{"code":"empty_text","message":"…"}}` (with `session` when known).
struct HTTPFailure: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var session: String?
    /// Extra headers (`Retry-After`, `WWW-Authenticate`).
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String, session: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.session = session
    }

    /// A request the stdio rules refuse: 413 for a body over the limit, 400 otherwise.
    init(_ error: RequestError) {
        self.init(error.code == .lineTooLong ? .contentTooLarge : .badRequest, error.code.rawValue, error.message, session: error.session)
    }

    init(_ error: ServiceError, session: String? = nil) {
        let status: HTTPResponse.Status = switch error.code {
        case .storeFailed, .shuttingDown: .serviceUnavailable
        case .unknownSession, .agentsDisabled: .notFound
        case .rateLimited: .tooManyRequests
        case .notHandedOff, .notYourCase: .conflict
        }
        self.init(status, error.code.rawValue, error.message, session: session)
        if error.code == .rateLimited { headers[.retryAfter] = "1" }
        if error.code == .shuttingDown { headers[.retryAfter] = "5" }
    }

    static let unauthorized: HTTPFailure = {
        var failure = HTTPFailure(.unauthorized, "unauthorized", "the agent token is missing or wrong; send Authorization: Bearer TOKEN")
        failure.headers[.wwwAuthenticate] = "Bearer realm=\"kefu agents\""
        return failure
    }()

    static func notFound(_ path: String) -> HTTPFailure {
        HTTPFailure(.notFound, "not_found", "nothing is at \(path.prefix(200)); see docs/openapi.yaml for the routes")
    }

    var response: Response {
        var line = JSONLine()
        line.open()
        if let session { line.key("session"); line.string(session) }
        line.key("error")
        line.open()
        line.key("code"); line.string(code)
        line.key("message"); line.string(message)
        line.close()
        line.close()
        return JSONBody.response(line.bytes, status: status, headers: headers)
    }
}
