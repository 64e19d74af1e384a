import ChatCore

/// Finds knowledge-base answers for a line: the engine's BM25 + re-ranker behind a protocol, so
/// the dialogue policy can ask for answers (also with a follow-up's context) and tests can use
/// a fixed table.
public protocol KnowledgeSearch: Sendable {
    /// The best entries for `query`, best first, at most `limit`.
    func answers(for query: String, limit: Int) -> [KnowledgeAnswer]
}

/// One knowledge-base entry found for a line.
public struct KnowledgeAnswer: Hashable, Sendable {
    /// The entry's id and scores.
    public var choice: AnswerChoice
    /// Whether the confidence clears the calibrated "good answer" threshold.
    public var isAccepted: Bool

    public init(choice: AnswerChoice, isAccepted: Bool) {
        self.choice = choice
        self.isAccepted = isAccepted
    }
}
