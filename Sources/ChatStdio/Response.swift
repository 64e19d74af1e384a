import ChatCore
import Dialogue

/// The adapter's answer to one line, and its JSON form (DESIGN §3). Keys come in a fixed order,
/// `session` and `id` first:
///
/// ```
/// {"session":"c42","id":7,"reply":"请提供您的订单号（14位数字）。","intent":"return_request","confidence":0.94,"answer":null,"slots":{},"handoff":false}
/// {"session":"c42","state":{"turns":1,"active_intent":"return_request","slots":{},"fallbacks":0,"handoff":false}}
/// {"session":"c42","reset":true}
/// {"error":{"code":"invalid_json","message":"…"},"line":3}
/// ```
public enum Response: Sendable, Equatable {
    case reply(session: String, id: [UInt8]?, Reply)
    case state(session: String, id: [UInt8]?, DialogueState)
    case reset(session: String, id: [UInt8]?)
    case error(RequestError, line: Int)

    /// The response as one JSON line, line break included.
    public var jsonLine: [UInt8] {
        var line = JSONLine()
        write(to: &line)
        line.endLine()
        return line.bytes
    }

    func write(to line: inout JSONLine) {
        line.open()
        switch self {
        case let .reply(session, id, reply):
            Self.writeHeader(session: session, id: id, to: &line)
            line.key("reply"); line.string(reply.text)
            line.key("intent"); line.string(reply.intent?.name)
            line.key("confidence")
            if let intent = reply.intent { line.score(intent.confidence) } else { line.null() }
            line.key("answer"); line.string(reply.answer?.id)
            line.key("slots"); line.stringMap(reply.slots)
            line.key("handoff"); line.bool(reply.handoff)
        case let .state(session, id, state):
            Self.writeHeader(session: session, id: id, to: &line)
            line.key("state")
            line.open()
            line.key("turns"); line.integer(state.turns)
            line.key("active_intent"); line.string(state.activeIntent)
            line.key("slots"); line.stringMap(state.slots)
            line.key("fallbacks"); line.integer(state.fallbacks)
            line.key("handoff"); line.bool(state.handoff)
            line.close()
        case let .reset(session, id):
            Self.writeHeader(session: session, id: id, to: &line)
            line.key("reset"); line.bool(true)
        case let .error(error, number):
            if let session = error.session { line.key("session"); line.string(session) }
            if let id = error.id { line.key("id"); line.raw(id) }
            line.key("error")
            line.open()
            line.key("code"); line.string(error.code.rawValue)
            line.key("message"); line.string(error.message)
            line.close()
            line.key("line"); line.integer(number)
        }
        line.close()
    }

    private static func writeHeader(session: String, id: [UInt8]?, to line: inout JSONLine) {
        line.key("session"); line.string(session)
        if let id { line.key("id"); line.raw(id) }
    }
}
