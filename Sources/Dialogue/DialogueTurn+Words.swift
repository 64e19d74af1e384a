import ChatCore

extension DialogueTurn {
    /// The first run of words in the line that the bot has never seen (in no example, question
    /// or table name) and no entity covers, with the numbers that follow them (even when read as
    /// a number entity): 「iPhone 16」 in
    /// 「iPhone 16 多少钱」, 「口罩」 in 「有卖口罩吗」; nil when every word is known. Words of one
    /// character are not counted (particles, 亲, typos of one stroke); a longer number (an ID
    /// card's or a phone's, masked or not) is no model number and ends the run.
    var unfamiliarWords: String? {
        guard !manager.vocabulary.words.isEmpty else { return nil }
        let covered = utterance.entities.map(\.scalarRange)
        var run: Range<Int>?
        for token in utterance.tokens {
            let range = token.scalarRange
            let inEntity = covered.contains { $0.overlaps(range) }
            switch token.kind {
            case .word, .latin, .other:
                let unknown = !inEntity && range.count >= 2 && !manager.vocabulary.words.contains(token.normalized)
                    && Self.isNameLike(token.normalized, known: manager.vocabulary.words)
                if unknown {
                    run = (run?.lowerBound ?? range.lowerBound)..<range.upperBound
                } else if run != nil {
                    return text(of: run)
                }
            case .number where run != nil && range.count <= Self.longestModelNumber:
                run = run.map { $0.lowerBound..<range.upperBound }
            default:
                if run != nil { return text(of: run) }
            }
        }
        return text(of: run)
    }

    /// The name a follow-up gives while a slot with `unknown:` is asked and nothing in the line is
    /// a value (「冰箱呢」 after 「没有卖洗衣机」): the line without its follow-up words, 2–8 letters or
    /// Han characters. Words of the examples count too — the follow-up is nothing but the name —
    /// but not a word of the knowledge base's questions (「运费呢」 is a question about shipping).
    var followUpName: String? {
        guard cues.isFollowUp, utterance.entities.isEmpty, case let .slot(name)? = previous.pending,
              activeForm?.slot(named: name)?.unknown != nil,
              !utterance.tokens.contains(where: { $0.scalarRange.count >= 2 && manager.vocabulary.knowledgeWords.contains($0.normalized) })
        else { return nil }
        let rest = LineCues.withoutFollowUpWords(cues.content)
        guard (2...8).contains(rest.count), rest.allSatisfy(\.properties.isAlphabetic) else { return nil }
        return String(String.UnicodeScalarView(rest))
    }

    /// Characters of modal verbs and adverbs a segmenter may glue onto the next word (「能保」 in
    /// 「能保多久」, 「还换」): no product's name starts with them.
    static let functionCharacters: Set<Character> = Set("能会要可还也都就再不没很太才已该得")

    /// Whether an unknown token can be a name: what is left once the function characters it
    /// starts with are dropped is still two characters or more, and still unknown.
    static func isNameLike(_ word: String, known: Set<String>) -> Bool {
        let rest = word.drop { functionCharacters.contains($0) }
        return rest.count == word.count || (rest.count >= 2 && !known.contains(String(rest)))
    }

    /// The most digits a model number in a product's name has (「iPhone 16」, 「RTX 4090」).
    static let longestModelNumber = 5

    private func text(of range: Range<Int>?) -> String? {
        guard let range else { return nil }
        let scalars = Array(utterance.text.unicodeScalars)
        guard range.upperBound <= scalars.count else { return nil }
        return String(String.UnicodeScalarView(scalars[range]))
    }
}
