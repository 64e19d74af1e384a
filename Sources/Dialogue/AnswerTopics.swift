import BotDefinition

/// The topic of each knowledge-base entry, as words a follow-up is searched with: the Han
/// character pair found in the most of the entry's questions (at least two), or else its first
/// question.
///
/// `returns-policy` (支持七天无理由退货吗, 可以退货吗, 退货政策是什么, …) → 「退货」, so 「那运费呢？」
/// after it is searched as 「那运费呢？ 退货」 and finds the return-shipping-fee entry.
public struct AnswerTopics: Sendable, Hashable {
    /// The topic words by entry id.
    public let words: [String: String]
    /// The topic words by intent name, from the intents' examples (`return_request` → 「退货」), for a
    /// follow-up asked while the intent's form is pending (「我想退货」 … 「那运费呢？」).
    public let intentWords: [String: String]

    /// The topics of every entry of `knowledgeBase` and of every intent of `intents`.
    /// - Complexity: O(total length of the questions and examples).
    public init(_ knowledgeBase: [KnowledgeEntry], intents: [IntentDefinition] = []) {
        var words: [String: String] = [:]
        for entry in knowledgeBase {
            words[entry.id] = Self.topic(of: entry.questions) ?? entry.questions.first
        }
        self.words = words
        var intentWords: [String: String] = [:]
        for intent in intents {
            if let topic = Self.topic(of: intent.examples.map(\.text)) { intentWords[intent.name] = topic }
        }
        self.intentWords = intentWords
    }

    /// The pair of Han characters in the most questions (first seen wins a tie), if one is in two or more.
    static func topic(of questions: [String]) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for question in questions {
            var seen: Set<String> = []
            var previous: Unicode.Scalar?
            for scalar in question.unicodeScalars {
                defer { previous = scalar.properties.isIdeographic ? scalar : nil }
                guard scalar.properties.isIdeographic, let first = previous else { continue }
                let pair = String(String.UnicodeScalarView([first, scalar]))
                guard seen.insert(pair).inserted else { continue }
                if counts[pair] == nil { order.append(pair) }
                counts[pair, default: 0] += 1
            }
        }
        var best: (pair: String, count: Int)?
        for pair in order where counts[pair, default: 0] > (best?.count ?? 1) {
            best = (pair, counts[pair, default: 0])
        }
        return best?.pair
    }
}
