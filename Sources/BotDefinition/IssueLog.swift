/// The problems found so far while reading a bot folder.
struct IssueLog: Sendable {
    private(set) var issues: [BotIssue] = []

    mutating func error(_ location: SourceLocation, _ message: String) {
        issues.append(BotIssue(.error, at: location, message))
    }

    mutating func warning(_ location: SourceLocation, _ message: String) {
        issues.append(BotIssue(.warning, at: location, message))
    }

    /// Every issue, sorted by file, line and column (errors first on the same spot).
    var sorted: [BotIssue] {
        issues.enumerated().sorted { lhs, rhs in
            if lhs.element.location != rhs.element.location { return lhs.element.location < rhs.element.location }
            if lhs.element.severity != rhs.element.severity { return lhs.element.severity < rhs.element.severity }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
