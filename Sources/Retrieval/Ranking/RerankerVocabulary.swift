/// The words a re-ranker has its own embedding rows for (`RerankerTokenizer` cuts the texts).
///
/// 「怎么还没发货？」 → tokens 怎么 还 没 发货 (punctuation dropped); each token's vector is the mean
/// of its word row (when the word is in the vocabulary) and the rows of its hashed character
/// n-grams (「<发」「发」「发货」「货」「货>」), so a word never seen in training still gets a vector
/// from its characters.
public struct RerankerVocabulary: Sendable, Equatable {
    /// The known words (normalised: half-width, case-folded), row `i` of the embedding table is `words[i]`.
    public let words: [String]
    private let rows: [String: Int]

    public init(words: [String]) {
        self.words = words
        var rows: [String: Int] = [:]
        for (row, word) in words.enumerated() where rows[word] == nil { rows[word] = row }
        self.rows = rows
    }

    /// The embedding row of `word`, or nil when it is unknown.
    public subscript(word: String) -> Int? { rows[word] }

    public var count: Int { words.count }

    /// The words seen at least `minimumCount` times in `sentences` (already cut into words), most
    /// frequent first, ties in alphabetical order (so the numbering is reproducible), at most `limit`.
    public static func counting(_ sentences: [[String]], minimumCount: Int, limit: Int) -> RerankerVocabulary {
        var counts: [String: Int] = [:]
        for sentence in sentences { for word in sentence { counts[word, default: 0] += 1 } }
        let kept = counts.filter { $0.value >= minimumCount }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit)
            .map(\.key)
        return RerankerVocabulary(words: kept)
    }
}
