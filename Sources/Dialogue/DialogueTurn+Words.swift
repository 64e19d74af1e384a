import ChatCore

extension DialogueTurn {
    /// The first run of words in the line that the bot has never seen (in no example, question
    /// or table name) and no entity covers, with the numbers that follow them (even when read as
    /// a number entity): 「iPhone 16」 in
    /// 「iPhone 16 多少钱」, 「口罩」 in 「有卖口罩吗」; nil when every word is known. Words of one
    /// character are not counted (particles, 亲, typos of one stroke).
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
                if unknown {
                    run = (run?.lowerBound ?? range.lowerBound)..<range.upperBound
                } else if run != nil {
                    return text(of: run)
                }
            case .number where run != nil:
                run = run.map { $0.lowerBound..<range.upperBound }
            default:
                if run != nil { return text(of: run) }
            }
        }
        return text(of: run)
    }

    private func text(of range: Range<Int>?) -> String? {
        guard let range else { return nil }
        let scalars = Array(utterance.text.unicodeScalars)
        guard range.upperBound <= scalars.count else { return nil }
        return String(String.UnicodeScalarView(scalars[range]))
    }
}
