/// A transcript file that cannot be read or is not a valid transcript, with every problem found
/// (each names file and line).
public struct TranscriptError: Error, Sendable, CustomStringConvertible {
    public var issues: [TranscriptIssue]

    public init(_ issues: [TranscriptIssue]) {
        self.issues = issues
    }

    /// A problem with a whole file or path (missing, unreadable).
    public init(file: String, _ message: String) {
        self.init([TranscriptIssue(file: file, message: message)])
    }

    /// The issues, one a line.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
