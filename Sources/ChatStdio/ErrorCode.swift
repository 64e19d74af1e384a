/// The machine-readable kind of a request the adapter could not answer, the `code` of an error
/// reply: `{"error":{"code":"empty_text","message":"…"},"line":7}`. The codes are part of the
/// stdio contract; messages are for people and may change.
public enum ErrorCode: String, Sendable, CaseIterable {
    /// The line is not valid UTF-8.
    case invalidUTF8 = "invalid_utf8"
    /// The line is not one JSON value (or is empty).
    case invalidJSON = "invalid_json"
    /// The line is JSON but not an object (`[1,2]`, `"hi"`).
    case notAnObject = "not_an_object"
    /// A required field is missing or empty: `session`, or both of `text` and `command`.
    case missingField = "missing_field"
    /// A field has the wrong type or an unreadable value (`"session":5`, `"now":"tomorrow"`), or
    /// both `text` and `command` are given.
    case invalidField = "invalid_field"
    /// `text` is empty or only whitespace.
    case emptyText = "empty_text"
    /// `command` is neither `state` nor `reset`.
    case unknownCommand = "unknown_command"
    /// The line is longer than the adapter reads (``RequestLine/maximumLength``); it was skipped
    /// without being read whole.
    case lineTooLong = "line_too_long"
    /// `--store` could not read or write the session; nothing changed, the request may be sent again.
    case storeFailed = "store_failed"
}

/// Why one request line gets an error reply instead of an answer, with what could still be read
/// of it (the session and `id` are echoed when the line was a readable object).
public struct RequestError: Error, Sendable, Equatable {
    public var code: ErrorCode
    /// What is wrong and how to fix it: `"text" is empty; send the customer's words`.
    public var message: String
    /// The request's session, when it could be read.
    public var session: String?
    /// The request's `id` as compact JSON bytes, when it could be read.
    public var id: [UInt8]?

    public init(_ code: ErrorCode, _ message: String, session: String? = nil, id: [UInt8]? = nil) {
        self.code = code
        self.message = message
        self.session = session
        self.id = id
    }
}
