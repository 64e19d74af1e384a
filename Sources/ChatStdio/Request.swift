import Entities

/// One request line of the stdio protocol, read and checked: whose conversation, what to do,
/// and the `id` to echo.
///
/// `{"session":"c42","text":"我想退货","id":7}` → session `c42`, `.text("我想退货")`, id `7`.
public struct Request: Sendable, Equatable {
    /// What a request asks for.
    public enum Action: Sendable, Equatable {
        /// Answer a customer line.
        case text(String)
        /// Report the session's state.
        case state
        /// Start the session over.
        case reset
    }

    /// The session the request belongs to (never empty).
    public var session: String
    public var action: Action
    /// The request's `id` as compact JSON bytes, exactly as written (minus whitespace).
    public var id: [UInt8]?
    /// The time relative dates are read against (`"now":"2026-11-23T10:00:00+08:00"`); nil: the clock.
    public var now: ReferenceTime?

    public init(session: String, action: Action, id: [UInt8]? = nil, now: ReferenceTime? = nil) {
        self.session = session
        self.action = action
        self.id = id
        self.now = now
    }
}

/// Limits on one input line.
public enum RequestLine {
    /// The longest line read, in bytes (64 KiB); longer ones get `line_too_long` unread.
    public static let maximumLength = 1 << 16
}
