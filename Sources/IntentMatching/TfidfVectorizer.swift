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
    /// - Complexity: O(k log k) for k raw keys: one hash probe per key, then one integer sort.
    func vectorize(_ features: TextFeatures) -> VectorizedLine {
        var line = VectorizedLine()
        line.contentTokens = features.contentTokenCount
        line.isAllLatin = features.allContentIsLatin
        // The vocabulary index of every known key, repeats kept; sorted, equal indices are
        // neighbours and their run length is the term frequency.
        var found: [UInt64] = []
        found.reserveCapacity(features.wordKeys.count + features.characterKeys.count)
        for key in features.wordKeys { if let index = vocabulary.index(of: key) { found.append(UInt64(index)) } }
        for key in features.characterKeys { if let index = vocabulary.index(of: key) { found.append(UInt64(index)) } }
        for key in features.contentWordKeys where vocabulary.index(of: key) != nil { line.knownContentWords += 1 }
        IntegerSort.sort(&found)
        var indices: [Int32] = [], values: [Float] = []
        indices.reserveCapacity(found.count)
        values.reserveCapacity(found.count)
        var wordNorm: Float = 0, characterNorm: Float = 0
        vocabulary.inverseDocumentFrequency.withUnsafeBufferPointer { idf in
            var position = 0
            while position < found.count {
                let index = Int32(truncatingIfNeeded: found[position])
                var end = position + 1
                while end < found.count && found[end] == found[position] { end += 1 }
                let frequency = end - position
                let value = (frequency == 1 ? 1 : 1 + logf(Float(frequency))) * idf[Int(index)]
                if vocabulary.blocks[Int(index)] == .words {
                    wordNorm += value * value
                    line.knownWordFeatures += 1
                } else {
                    characterNorm += value * value
                    line.knownCharacterFeatures += 1
                }
                indices.append(index)
                values.append(value)
                position = end
            }
        }
        // Each block to length 1 (times its weight), then the whole to length 1.
        let wordScale = wordNorm > 0 ? wordBlockWeight / wordNorm.squareRoot() : 0
        let characterScale = characterNorm > 0 ? 1 / characterNorm.squareRoot() : 0
        let total = wordNorm * wordScale * wordScale + characterNorm * characterScale * characterScale
        let overall = total > 0 ? 1 / total.squareRoot() : 0
        for position in indices.indices {
            let block = vocabulary.blocks[Int(indices[position])] == .words ? wordScale : characterScale
            values[position] *= block * overall
        }
        line.vector = SparseVector(indices: indices, values: values)
        return line
    }
}
