/// A test query and the id of the entry that answers it.
public struct FAQQuery: Hashable, Sendable {
    public var text: String
    public var faqID: String
    /// The line it was read from.
    public var line: Int

    public init(text: String, faqID: String, line: Int) {
        self.text = text
        self.faqID = faqID
        self.line = line
    }
}
