/// The settings of the BM25 candidate scorer (Okapi BM25 with Lucene's non-negative IDF).
///
/// Each question is scored in two fields: its words (the segmenter's normalised tokens,
/// punctuation dropped) and the character unigrams and bigrams of its Chinese text. A question's
/// score is `wordWeight × BM25(words) + characterWeight × BM25(characters)`; an entry's score is its
/// best question's. For 「怎么还没发货」 against 「什么时候发货」 the words share 发货, the
/// characters share 么 发 货 发货.
public struct BM25Parameters: Hashable, Sendable {
    /// Term-frequency saturation: 0 counts a term once, larger values let repeats count more.
    public var k1: Float
    /// Length normalisation: 0 ignores a question's length, 1 divides fully by it.
    public var b: Float
    /// Weight of the word field.
    public var wordWeight: Float
    /// Weight of the character field (unigrams and bigrams of Chinese text).
    public var characterWeight: Float

    public init(k1: Float = 1.2, b: Float = 0.75, wordWeight: Float = 1, characterWeight: Float = 1) {
        self.k1 = k1
        self.b = b
        self.wordWeight = wordWeight
        self.characterWeight = characterWeight
    }
}
