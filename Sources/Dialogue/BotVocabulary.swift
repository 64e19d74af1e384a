import ChatCore

/// The words the bot knows (tokens' normalized text): every word of its examples, knowledge-base
/// questions and table names, and the words of each intent's own examples. A line's word outside
/// `words` is one the bot has never seen (「口罩」 in 「有卖口罩吗」); a special intent read in a
/// free-text answer counts only when the line has a word of its examples (「个人」 as an invoice
/// title is no request for a person).
public struct BotVocabulary: Sendable, ExpressibleByArrayLiteral {
    public let words: Set<String>
    public let wordsByIntent: [String: Set<String>]
    /// The words of the knowledge base's questions: 「运费呢」 asks about a topic, 「冰箱呢」 does not.
    public let knowledgeWords: Set<String>

    public init(words: Set<String> = [], wordsByIntent: [String: Set<String>] = [:], knowledgeWords: Set<String> = []) {
        self.words = words
        self.wordsByIntent = wordsByIntent
        self.knowledgeWords = knowledgeWords
    }

    /// Known words with no intent's words (tests).
    public init(arrayLiteral words: String...) {
        self.init(words: Set(words))
    }

    /// Whether some word of `intent`'s examples is among `tokens`; true when the intent's words
    /// are not known (a manager built without a vocabulary).
    func intent(_ intent: String, hasAWordOf tokens: [Token]) -> Bool {
        guard let own = wordsByIntent[intent] else { return true }
        return tokens.contains { own.contains($0.normalized) }
    }
}
