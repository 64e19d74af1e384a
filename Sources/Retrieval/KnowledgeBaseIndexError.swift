/// A set of entries that cannot be indexed, with what to fix.
public enum KnowledgeBaseIndexError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Two entries share an id.
    case duplicateID(String)
    /// An entry has no questions to match.
    case noQuestions(id: String)

    public var description: String {
        switch self {
        case .duplicateID(let id): "two knowledge-base entries have the id \(id); give each entry its own id"
        case .noQuestions(let id): "knowledge-base entry \(id) has no questions; give it at least one"
        }
    }
}
