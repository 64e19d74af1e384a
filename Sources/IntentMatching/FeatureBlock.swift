/// The two families of TF-IDF features; each is L2-normalised on its own before they are joined.
enum FeatureBlock: UInt8, Sendable {
    /// Word unigrams and bigrams from the segmenter (「退货」, 「想 退货」).
    case words = 0
    /// Character n-grams of each run of adjacent word tokens, padded with a space at both ends
    /// (「 退」, 「退货」, 「退货 」).
    case characters = 1
}
