/// A bot entity declaration that cannot be used, naming the entity and what to fix.
///
/// `entity 'order_id': the pattern '(?<!\d\d{14}' is not a valid regular expression (…); fix it in intents/*.yml`
public struct EntityExtractorError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The declared entity's name.
    public var entity: String
    /// What is wrong, and what to do about it.
    public var problem: String

    public init(entity: String, problem: String) {
        self.entity = entity
        self.problem = problem
    }

    public var description: String { "entity '\(entity)': \(problem)" }
}
