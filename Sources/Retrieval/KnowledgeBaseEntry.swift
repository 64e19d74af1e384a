/// One knowledge-base entry as retrieval sees it: an id, the questions it answers (paraphrases of
/// one another), its answer and its tags.
///
/// ```swift
/// KnowledgeBaseEntry(id: "shipping-fee", questions: ["运费怎么算", "包邮吗", "满多少包邮"],
///                    answer: "订单满 99 元包邮，不满 99 元收取 8 元运费。", tags: ["shipping"])
/// ```
/// Independent of the bot folder: the engine maps `knowledge-base/*.yml` entries to these, and
/// `kefu eval faq` builds them from `faq_id<TAB>question` lines.
public struct KnowledgeBaseEntry: Hashable, Sendable {
    public var id: String
    /// The questions this entry answers, in the order written; each is indexed on its own.
    public var questions: [String]
    public var answer: String?
    public var tags: [String]

    public init(id: String, questions: [String], answer: String? = nil, tags: [String] = []) {
        self.id = id
        self.questions = questions
        self.answer = answer
        self.tags = tags
    }
}
