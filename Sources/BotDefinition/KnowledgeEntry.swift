/// One knowledge-base entry: the ways customers ask a question and the answer to give.
///
/// ```yaml
/// - id: shipping-fee
///   questions: [运费怎么算, 包邮吗, 满多少包邮]
///   answer: 订单满 99 元包邮，不满 99 元收取 8 元运费。
///   tags: [shipping]
/// ```
public struct KnowledgeEntry: Hashable, Sendable {
    /// Unique across the knowledge base; replies and transcripts name the entry by it.
    public var id: String
    /// Paraphrases of the question (at least one).
    public var questions: [String]
    public var answer: String
    public var tags: [String]
    /// Where the entry starts.
    public var location: SourceLocation

    public init(id: String, questions: [String], answer: String, tags: [String] = [], location: SourceLocation) {
        self.id = id
        self.questions = questions
        self.answer = answer
        self.tags = tags
        self.location = location
    }
}
