import ChatCore
import ChatService
import ChatStdio
import Dialogue
import SessionStorage

/// The JSON forms of the service's values, as the pages, `kefu agent` and API clients read them.
///
/// ```
/// message  {"author":"agent","text":"您好，我是王芳","time":1765108123.25,"agent":"王芳"}
/// case     {"session":"9f…","reason":"asked","cue":"word 转人工","status":"claimed","requested_at":…,"agent":"王芳",…}
/// ```
enum ChatJSON {
    static func write(_ message: ChatMessage, to line: inout JSONLine) {
        line.open()
        line.key("author"); line.string(message.author.rawValue)
        line.key("text"); line.string(message.text)
        line.key("time"); line.number(message.time)
        if let agent = message.agent { line.key("agent"); line.string(agent) }
        if !message.buttons.isEmpty { line.key("buttons"); write(message.buttons, to: &line) }
        line.close()
    }

    static func write(_ buttons: [QuickReply], to line: inout JSONLine) {
        line.openArray()
        for button in buttons {
            line.element()
            line.open()
            line.key("title"); line.string(button.title)
            line.key("payload"); line.string(button.payload)
            line.close()
        }
        line.closeArray()
    }

    static func write(_ item: HandoffCase, to line: inout JSONLine) {
        line.open()
        line.key("session"); line.string(item.session)
        line.key("conversation"); line.integer(item.conversation)
        line.key("turn"); line.integer(item.turn)
        line.key("reason"); line.string(item.reason.kind.rawValue)
        line.key("cue"); line.string(item.reason.cue)
        line.key("status"); line.string(item.status.rawValue)
        line.key("requested_at"); line.number(item.requestedAt)
        line.key("agent"); line.string(item.agent)
        line.key("claimed_at"); optional(item.claimedAt, to: &line)
        line.key("first_reply_at"); optional(item.firstReplyAt, to: &line)
        line.key("ended_at"); optional(item.endedAt, to: &line)
        line.close()
    }

    /// `{"session":…,"state":{…},"handoff":{…}|null,"messages":[…]}`.
    static func write(_ snapshot: SessionSnapshot, to line: inout JSONLine) {
        line.open()
        line.key("session"); line.string(snapshot.session)
        line.key("state"); Response.write(snapshot.state, to: &line)
        line.key("handoff")
        if let item = snapshot.handoff { write(item, to: &line) } else { line.null() }
        line.key("messages"); write(snapshot.messages, to: &line)
        line.close()
    }

    static func write(_ messages: [ChatMessage], to line: inout JSONLine) {
        line.openArray()
        for message in messages {
            line.element()
            write(message, to: &line)
        }
        line.closeArray()
    }

    /// A customer line's answer for the REST API: the stdio reply object when the bot spoke,
    /// `{"session":…,"reply":null,"handoff":true,"status":"claimed","agent":"王芳"}` when it stayed quiet.
    static func replyBody(_ turn: CustomerTurn, session: String, id: [UInt8]?) -> [UInt8] {
        if let reply = turn.reply {
            var line = JSONLine()
            Response.reply(session: session, id: id, reply).write(to: &line)
            return line.bytes
        }
        var line = JSONLine()
        line.open()
        line.key("session"); line.string(session)
        if let id { line.key("id"); line.raw(id) }
        line.key("reply"); line.null()
        line.key("handoff"); line.bool(true)
        line.key("status"); line.string(turn.handoff?.status.rawValue)
        line.key("agent"); line.string(turn.handoff?.agent)
        line.close()
        return line.bytes
    }

    private static func optional(_ value: Double?, to line: inout JSONLine) {
        if let value { line.number(value) } else { line.null() }
    }
}
