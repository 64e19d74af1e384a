/// Why the service could not do what a customer or an agent asked, with a stable code (the
/// stdio codes plus the network ones) and a message that says what to do.
public struct ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The store could not read or write; nothing changed, the request may be sent again.
        case storeFailed = "store_failed"
        /// The session has never been seen.
        case unknownSession = "unknown_session"
        /// The session sent more lines than its rate limit allows.
        case rateLimited = "rate_limited"
        /// The conversation is not in the hand-off queue.
        case notHandedOff = "not_handed_off"
        /// Another agent holds the conversation, or this agent must claim it first.
        case notYourCase = "not_your_case"
        /// The agent side is off (the server has no agent token).
        case agentsDisabled = "agents_disabled"
        /// The server is shutting down.
        case shuttingDown = "shutting_down"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
