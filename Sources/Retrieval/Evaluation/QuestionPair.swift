/// Two questions and whether they mean the same (「花呗分期出账」 / 「花呗啥时候分期」: yes).
public struct QuestionPair: Hashable, Sendable {
    public var first: String
    public var second: String
    public var sameMeaning: Bool

    public init(first: String, second: String, sameMeaning: Bool) {
        self.first = first
        self.second = second
        self.sameMeaning = sameMeaning
    }
}
