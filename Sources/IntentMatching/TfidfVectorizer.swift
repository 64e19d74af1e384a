#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a line's features into an L2-normalised TF-IDF vector over the training vocabulary:
/// sublinear term frequency (1 + ln tf) times IDF, each block (words, characters) normalised on
/// its own, weighted, and the whole normalised again.
///
/// Unknown features are dropped; `VectorizedLine.knownWords` counts the content words that were
/// known, which the out-of-scope rule uses (「osifhaskdnkauer」 knows none).
struct TfidfVectorizer: Sendable, Equatable {
    var vocabulary: FeatureVocabulary
    /// The weight of the word block against the character block (1 = equal).
    var wordBlockWeight: Float = 1

    /// A line as the classifiers see it.
    struct VectorizedLine {
        var vector = SparseVector()
        /// Distinct known word unigrams and bigrams.
        var knownWordFeatures = 0
        /// Distinct known character grams.
        var knownCharacterFeatures = 0
        /// Known content words (not shapes such as `<num>`), repeats counted.
        var knownContentWords = 0
        /// Content tokens (words, Latin words, other scripts, emoji), known or not.
        var contentTokens = 0
        /// Whether every content token is a Latin word.
        var isAllLatin = true

        /// Why the line is noise whatever the classifiers say, or nil: no words at all
        /// (「1234」, 「？？？」), nothing the model knows, or only Latin words it never saw
        /// (「osifhaskdnkauer」; an unknown Chinese word still shares characters with known ones).
        var noiseReason: String? {
            if contentTokens == 0 { return "no words, only numbers, symbols or punctuation" }
            if vector.count == 0 { return "nothing the model knows" }
            if knownContentWords == 0 && isAllLatin { return "no word the model knows" }
            return nil
        }
    }

    /// The TF-IDF vector of `features`.
    /// - Complexity: O(k log k) for k raw keys.
    func vectorize(_ features: TextFeatures) -> VectorizedLine {
        var line = VectorizedLine()
        var pairs: [(index: Int32, value: Float)] = []
        pairs.reserveCapacity(features.wordKeys.count + features.characterKeys.count)
        let wordCount = append(features.wordKeys, weight: wordBlockWeight, to: &pairs)
        line.knownWordFeatures = wordCount
        line.knownCharacterFeatures = append(features.characterKeys, weight: 1, to: &pairs)
        line.contentTokens = features.contentTokenCount
        line.isAllLatin = features.allContentIsLatin
        line.knownContentWords = features.contentWordKeys.reduce(0) { $0 + (vocabulary.index(of: $1) == nil ? 0 : 1) }
        pairs.sort { $0.index < $1.index }
        var norm: Float = 0
        for pair in pairs { norm += pair.value * pair.value }
        let scale = norm > 0 ? 1 / norm.squareRoot() : 0
        line.vector.indices = pairs.map(\.index)
        line.vector.values = pairs.map { $0.value * scale }
        return line
    }

    /// Appends the weighted, block-normalised TF-IDF values of `keys`; returns how many distinct
    /// known features there were.
    private func append(_ keys: [UInt64], weight: Float, to pairs: inout [(index: Int32, value: Float)]) -> Int {
        guard !keys.isEmpty else { return 0 }
        let sorted = keys.sorted()
        let first = pairs.count
        var position = 0
        var norm: Float = 0
        while position < sorted.count {
            let key = sorted[position]
            var end = position + 1
            while end < sorted.count && sorted[end] == key { end += 1 }
            if let index = vocabulary.index(of: key) {
                let value = (1 + logf(Float(end - position))) * vocabulary.inverseDocumentFrequency[Int(index)]
                pairs.append((index, value))
                norm += value * value
            }
            position = end
        }
        if norm > 0 {
            let scale = weight / norm.squareRoot()
            for position in first..<pairs.count { pairs[position].value *= scale }
        }
        return pairs.count - first
    }
}
