import ChatCore
import Entities
import Foundation

extension Request {
    /// Reads one request line (without its line break), or says what is wrong with it.
    ///
    /// `{"session":"c42","text":"我想退货"}` → `.success`; `{"session":"c42"}` →
    /// `missing_field`; `{"session":"c42","command":"undo"}` → `unknown_command`. A `now` without
    /// an offset is read in `timeZone` (the bot's).
    ///
    /// - Parameters:
    ///   - fields: the names of the session and text fields (`sender` and `message` in Rasa's REST channel).
    ///   - session: the session when the transport names it (an HTTP path); the line's own is then ignored.
    public static func parse(_ line: UnsafeBufferPointer<UInt8>, timeZone: TimeZone = .current, fields: Fields = .stdio,
                             session fixedSession: String? = nil) -> Result<Request, RequestError> {
        let parsed: (members: [JSONValue.Member], valueRanges: [Range<Int>])?
        do {
            parsed = try JSONValue.parseObject(line, maxDepth: 64)
        } catch {
            return .failure(unreadable(line, error, fields: fields))
        }
        guard let (members, ranges) = parsed else {
            return .failure(RequestError(.notAnObject, "a request is a JSON object such as {\"\(fields.session)\":\"c42\",\"\(fields.text)\":\"你好\"}"))
        }
        var session: JSONValue?, text: JSONValue?, command: JSONValue?, now: JSONValue?
        var id: [UInt8]?
        for (member, range) in zip(members, ranges) {
            switch member.key {
            case fields.session: session = member.value
            case fields.text: text = member.value
            case "command" where fields.commands: command = member.value
            case "now": now = member.value
            case "id": id = compact(UnsafeBufferPointer(rebasing: line[range]))
            default: continue   // unknown fields are ignored, so clients may add their own
            }
        }
        if let fixedSession { session = .string(fixedSession) }
        return request(session: session, text: text, command: command, now: now, id: id, timeZone: timeZone, fields: fields)
    }

    /// The names a transport gives the fields of a request.
    public struct Fields: Sendable {
        /// The session's field: `session`, Rasa's `sender`.
        public var session: String
        /// The customer line's field: `text`, Rasa's `message`.
        public var text: String
        /// Whether `command` (`state`, `reset`) is read.
        public var commands: Bool

        public init(session: String, text: String, commands: Bool) {
            self.session = session
            self.text = text
            self.commands = commands
        }

        /// `{"session":"c42","text":"我想退货"}` or `{"session":"c42","command":"state"}`.
        public static let stdio = Fields(session: "session", text: "text", commands: true)
        /// Rasa's REST channel: `{"sender":"c42","message":"我想退货"}`.
        public static let rasa = Fields(session: "sender", text: "message", commands: false)
    }

    private static func request(session: JSONValue?, text: JSONValue?, command: JSONValue?, now: JSONValue?,
                                id: [UInt8]?, timeZone: TimeZone, fields: Fields) -> Result<Request, RequestError> {
        let key = fields.session
        guard let session else {
            return .failure(RequestError(.missingField, "\"\(key)\" is missing; every request names its conversation, e.g. \"\(key)\":\"c42\"", id: id))
        }
        guard case .string(let name) = session else {
            return .failure(RequestError(.invalidField, "\"\(key)\" must be a string, e.g. \"\(key)\":\"c42\"", id: id))
        }
        guard !name.isEmpty else {
            return .failure(RequestError(.missingField, "\"\(key)\" is empty; give the conversation a name, e.g. \"\(key)\":\"c42\"", id: id))
        }
        func failure(_ code: ErrorCode, _ message: String) -> Result<Request, RequestError> {
            .failure(RequestError(code, message, session: name, id: id))
        }
        var reference: ReferenceTime?
        if let now {
            guard case .string(let value) = now else { return failure(.invalidField, "\"now\" must be an ISO 8601 string such as \"2026-11-23T10:00:00+08:00\"") }
            do { reference = try ReferenceTime(iso8601: value, defaultTimeZone: timeZone) } catch { return failure(.invalidField, "\"now\": \(error)") }
        }
        let action: Action
        switch (text, command) {
        case (nil, nil):
            if !fields.commands { return failure(.missingField, "\"\(fields.text)\" is missing; send the customer's line") }
            return failure(.missingField, "a request needs \"text\" (a customer line) or \"command\" (\"state\" or \"reset\")")
        case (.some, .some):
            return failure(.invalidField, "a request has \"text\" or \"command\", not both")
        case (let text?, nil):
            guard case .string(let line) = text else { return failure(.invalidField, "\"\(fields.text)\" must be a string: the customer's line") }
            guard line.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                return failure(.emptyText, "\"\(fields.text)\" is empty; send the customer's words")
            }
            action = .text(line)
        case (nil, let command?):
            guard case .string(let name) = command else { return failure(.invalidField, "\"command\" must be a string: \"state\" or \"reset\"") }
            switch name {
            case "state": action = .state
            case "reset": action = .reset
            default: return failure(.unknownCommand, "unknown command \"\(name.prefix(40))\"; the commands are \"state\" and \"reset\"")
            }
        }
        return .success(Request(session: name, action: action, id: id, now: reference))
    }

    /// The error for a line that is not JSON: `invalid_utf8` when any byte is not UTF-8 (then the
    /// session and `id` are read from a repaired copy if they can be), otherwise `invalid_json`.
    private static func unreadable(_ line: UnsafeBufferPointer<UInt8>, _ error: JSONValue.ParseError, fields: Fields) -> RequestError {
        guard let badByte = firstInvalidUTF8(line) else {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                return RequestError(.invalidJSON, "the line is empty; send one JSON object a line")
            }
            return RequestError(.invalidJSON, "not JSON: \(error)")
        }
        var result = RequestError(.invalidUTF8, "the line is not valid UTF-8 (byte \(badByte + 1)); send text as UTF-8")
        var repaired = Array(String(decoding: line, as: UTF8.self).utf8)
        let salvaged = repaired.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0), fields: fields) }
        switch salvaged {
        case .success(let request): result.session = request.session; result.id = request.id
        case .failure(let error): result.session = error.session; result.id = error.id
        }
        return result
    }

    /// The offset of the first byte that is not part of a UTF-8 sequence, or nil when all are.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// A JSON value's bytes without the whitespace between tokens, to echo on one line.
    static func compact(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var inString = false, escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                continue
            }
            output.append(byte)
        }
        return output
    }
}
