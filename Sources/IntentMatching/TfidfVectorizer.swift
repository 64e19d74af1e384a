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

    /// The TF-IDF vector of `features`, its features in order of first appearance in the line.
    /// - Complexity: O(k) for k raw keys: one vocabulary probe per key, and a small table of
    ///   the line's own features counts the repeats (no sorting).
    func vectorize(_ features: TextFeatures) -> VectorizedLine {
        var line = VectorizedLine()
        line.contentTokens = features.contentTokenCount
        line.isAllLatin = features.allContentIsLatin
        for key in features.contentWordKeys where vocabulary.index(of: key) != nil { line.knownContentWords += 1 }
        let keyCount = features.wordKeys.count + features.characterKeys.count
        var indices: [Int32] = [], frequencies: [Int32] = []
        indices.reserveCapacity(keyCount)
        frequencies.reserveCapacity(keyCount)
        // Open addressing over the line's distinct features: slot → position in `indices`.
        var capacity = 16
        while capacity < keyCount * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        slots.withUnsafeMutableBufferPointer { slots in
            for keys in [features.wordKeys, features.characterKeys] {
                for key in keys {
                    guard let index = vocabulary.index(of: key) else { continue }
                    var slot = Int(truncatingIfNeeded: UInt32(bitPattern: index) &* 0x9E37_79B1) & mask
                    while true {
                        let position = slots[slot]
                        if position < 0 {
                            slots[slot] = Int32(indices.count)
                            indices.append(index)
                            frequencies.append(1)
                            break
                        }
                        if indices[Int(position)] == index {
                            frequencies[Int(position)] += 1
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        var values = [Float](repeating: 0, count: indices.count)
        var wordNorm: Float = 0, characterNorm: Float = 0
        vocabulary.inverseDocumentFrequency.withUnsafeBufferPointer { idf in
            for position in indices.indices {
                let index = Int(indices[position])
                let frequency = frequencies[position]
                let value = (frequency == 1 ? 1 : 1 + logf(Float(frequency))) * idf[index]
                if vocabulary.blocks[index] == .words {
                    wordNorm += value * value
                    line.knownWordFeatures += 1
                } else {
                    characterNorm += value * value
                    line.knownCharacterFeatures += 1
                }
                values[position] = value
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
