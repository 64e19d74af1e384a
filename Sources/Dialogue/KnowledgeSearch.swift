import ChatCore

/// Finds knowledge-base answers for a line: the engine's BM25 + re-ranker behind a protocol, so
/// the dialogue policy can ask for answers (also with a follow-up's context) and tests can use
/// a fixed table.
public protocol KnowledgeSearch: Sendable {
    /// The best entries for `query`, best first, at most `limit`.
    func answers(for query: String, limit: Int) -> [KnowledgeAnswer]

    /// The entry `query` is word for word a question of (see `KnowledgeAnswer.matchingKey`),
    /// accepted with confidence 1, without a ranking: a lookup, far cheaper than `answers`.
    func exactMatch(for query: String) -> KnowledgeAnswer?
}

extension KnowledgeSearch {
    /// No exact matches: a search that only ranks.
    public func exactMatch(for query: String) -> KnowledgeAnswer? { nil }
}

/// One knowledge-base entry found for a line.
public struct KnowledgeAnswer: Hashable, Sendable {
    /// The entry's id and scores.
    public var choice: AnswerChoice
    /// Whether the confidence clears the calibrated "good answer" threshold.
    public var isAccepted: Bool
    /// Whether the line is, word for word, one of the entry's questions (spacing, case and
    /// punctuation aside): such an answer is certain and beats any intent.
    public var isExactMatch: Bool

    public init(choice: AnswerChoice, isAccepted: Bool, isExactMatch: Bool = false) {
        self.choice = choice
        self.isAccepted = isAccepted
        self.isExactMatch = isExactMatch
    }

    /// The text a line and a question are compared by for an exact match: letters, digits and
    /// Han characters, case-folded and half-width (「退货运费谁出？」 = 「退货运费 谁出」).
    public static func matchingKey(_ text: String) -> String {
        LineCues(text).contentText
    }
}
