/// Why intent training could not start: what is wrong with the examples and how to fix it.
///
/// `intent 退货 has 1 example; give every intent at least 2`.
public struct IntentTrainingError: Error, CustomStringConvertible, Equatable, Sendable {
    public var problem: String
    public var description: String { problem }

    public init(_ problem: String) { self.problem = problem }
}
