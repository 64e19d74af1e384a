/// One problem found in a bot folder: where it is, how bad it is, and what to fix.
///
/// Printed gcc-style so editors can jump to it:
/// `intents/orders.yml:12:7: error: slot 'order_id' names unknown entity 'orderid'; …`
public struct BotIssue: Hashable, Sendable, CustomStringConvertible {
    /// Whether the problem stops the bot from loading.
    public enum Severity: String, Hashable, Sendable, Comparable {
        /// The folder cannot be used until this is fixed; `kefu check` exits with status 1.
        case error
        /// Probably a mistake, but the bot still loads.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong and what to do about it, on one line.
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// The file, relative to the bot folder.
    public var file: String { location.file }
    /// The line, from 1, when the problem has one.
    public var line: Int? { location.line }
    /// The column in Unicode scalars, from 1, when known.
    public var column: Int? { location.column }

    /// `file:line:column: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
