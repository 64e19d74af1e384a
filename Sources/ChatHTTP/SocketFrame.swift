import ChatCore
import ChatStdio

/// One JSON frame read from a WebSocket: its `type`, its `id` (echoed in the answer), its
/// `session` and the raw bytes (for the stdio parser).
///
/// `{"type":"message","text":"我想退货","id":7}` → type `message`, id `7`.
struct SocketFrame {
    var type: String
    var id: [UInt8]?
    var session: String?
    var members: [JSONValue.Member]
    var bytes: [UInt8]

    /// Reads a text frame, or the stdio error for it (`invalid_json`, `not_an_object`, a missing `type`).
    static func read(_ text: String) -> Result<SocketFrame, RequestError> {
        let bytes = Array(text.utf8)
        let parsed: (members: [JSONValue.Member], valueRanges: [Range<Int>])?
        do {
            parsed = try bytes.withUnsafeBufferPointer { buffer throws(JSONValue.ParseError) in try JSONValue.parseObject(buffer, maxDepth: 64) }
        } catch {
            return .failure(RequestError(.invalidJSON, "not JSON: \(error)"))
        }
        guard let (members, ranges) = parsed else {
            return .failure(RequestError(.notAnObject, "a frame is a JSON object such as {\"type\":\"message\",\"text\":\"你好\"}"))
        }
        var frame = SocketFrame(type: "", members: members, bytes: bytes)
        for (member, range) in zip(members, ranges) {
            switch (member.key, member.value) {
            case ("type", .string(let type)): frame.type = type
            case ("session", .string(let session)): frame.session = session
            case ("id", _): frame.id = Array(bytes[range])
            default: continue
            }
        }
        guard !frame.type.isEmpty else {
            return .failure(RequestError(.missingField, "\"type\" is missing: message, typing or reset", id: frame.id))
        }
        return .success(frame)
    }

    /// A string member.
    func string(_ key: String) -> String? {
        for member in members where member.key == key {
            if case .string(let value) = member.value { return value }
        }
        return nil
    }

    /// `{"type":"error","id":…,"error":{"code":…,"message":…}}`.
    static func error(_ code: String, _ message: String, id: [UInt8]?) -> String {
        frame { line in
            line.key("type"); line.string("error")
            if let id { line.key("id"); line.raw(id) }
            line.key("error")
            line.open()
            line.key("code"); line.string(code)
            line.key("message"); line.string(message)
            line.close()
        }
    }

    /// A frame object whose members `write` adds.
    static func frame(_ write: (inout JSONLine) -> Void) -> String {
        var line = JSONLine()
        line.open()
        write(&line)
        line.close()
        return String(decoding: line.bytes, as: UTF8.self)
    }
}
