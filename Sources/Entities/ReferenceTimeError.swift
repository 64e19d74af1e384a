/// A reference time that cannot be read (`kefu parse --now 23/11/2026`), with the forms that can.
public struct ReferenceTimeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The text as given.
    public var text: String
    /// What is wrong with it.
    public var problem: String

    public init(text: String, problem: String) {
        self.text = text
        self.problem = problem
    }

    public var description: String {
        "reference time '\(text)': \(problem); write an ISO 8601 date or date-time such as "
            + "2026-11-23T10:00:00+08:00, 2026-11-23T10:00 or 2026-11-23"
    }
}
