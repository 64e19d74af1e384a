/// Why bytes could not be read as an intent model: not a Kefu intent model, a version this
/// build cannot read, a damaged or truncated file. Retrain the model to fix it.
public struct IntentModelFormatError: Error, CustomStringConvertible, Equatable, Sendable {
    public var problem: String
    public var description: String { "not a usable intent model: \(problem); retrain it" }

    public init(_ problem: String) { self.problem = problem }
}
