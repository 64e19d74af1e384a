import ChatCore
import Dialogue

/// The adapter's answer to one line, and its JSON form (DESIGN §3). Keys come in a fixed order,
/// `session` and `id` first:
///
/// ```
/// {"session":"c42","id":7,"reply":"请提供您的订单号（14位数字）。","intent":"return_request","confidence":0.94,"answer":null,"slots":{},"handoff":false,
///  "source":{"kind":"intent","intent":"return_request"},"understood":{"intent":"return_request","confidence":0.94}}
/// {"session":"c42","state":{"turns":1,"active_intent":"return_request","slots":{},"fallbacks":0,"handoff":false,"pending":"slot:order_id"}}
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

    public func write(to line: inout JSONLine) {
        line.open()
        switch self {
        case let .reply(session, id, reply):
            Self.writeHeader(session: session, id: id, to: &line)
            line.key("reply"); line.string(reply.text)
            line.key("intent"); line.string(reply.intent)
            line.key("confidence")
            if let confidence = reply.intentConfidence { line.score(confidence) } else { line.null() }
            line.key("answer"); line.string(reply.answer?.id)
            line.key("slots"); line.stringMap(reply.slots)
            line.key("handoff"); line.bool(reply.handoff)
            line.key("source"); Self.write(reply.source, to: &line)
            line.key("understood")
            if let understood = reply.understood {
                line.open()
                line.key("intent"); line.string(understood.name)
                line.key("confidence"); line.score(understood.confidence)
                line.close()
            } else {
                line.null()
            }
        case let .state(session, id, state):
            Self.writeHeader(session: session, id: id, to: &line)
            line.key("state")
            Self.write(state, to: &line)
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

    /// The state object of a `state` reply:
    /// `{"turns":1,"active_intent":"return_request","slots":{},"fallbacks":0,"handoff":false,"pending":"slot:order_id"}`.
    public static func write(_ state: DialogueState, to line: inout JSONLine) {
        line.open()
        line.key("turns"); line.integer(state.turns)
        line.key("active_intent"); line.string(state.activeIntent)
        line.key("slots"); line.stringMap(state.slots)
        line.key("fallbacks"); line.integer(state.fallbacks)
        line.key("handoff"); line.bool(state.handoff)
        if let pending = state.pending { line.key("pending"); line.string(pending.description) }
        if let topic = state.lastIntent { line.key("last_intent"); line.string(topic) }
        if let topic = state.lastAnswer { line.key("last_answer"); line.string(topic) }
        if !state.remembered.isEmpty { line.key("remembered"); line.stringMap(state.remembered) }
        if let reason = state.handoffReason { line.key("handoff_reason"); Self.write(reason, to: &line) }
        line.close()
    }

    /// `{"kind":"table","table":"orders","row":"20261120093015","intent":"order_status"}` and the like.
    private static func write(_ source: ReplySource, to line: inout JSONLine) {
        line.open()
        line.key("kind"); line.string(source.kind)
        switch source {
        case let .intent(name):
            line.key("intent"); line.string(name)
        case let .knowledgeBase(entry):
            line.key("entry"); line.string(entry)
        case let .table(name, row, intent):
            line.key("table"); line.string(name)
            line.key("row"); line.string(row)
            line.key("intent"); line.string(intent)
        case .fallback:
            break
        case let .handoff(reason):
            line.key("reason"); line.string(reason.kind.rawValue)
            line.key("cue"); line.string(reason.cue)
        case let .message(key):
            line.key("message"); line.string(key)
        }
        line.close()
    }

    private static func write(_ reason: HandoffReason, to line: inout JSONLine) {
        line.open()
        line.key("reason"); line.string(reason.kind.rawValue)
        line.key("cue"); line.string(reason.cue)
        line.close()
    }

    private static func writeHeader(session: String, id: [UInt8]?, to line: inout JSONLine) {
        line.key("session"); line.string(session)
        if let id { line.key("id"); line.raw(id) }
    }
}
