#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The features seen in training, each with its index, block and inverse document frequency,
/// found by an open-addressing hash table over the 64-bit keys (flat arrays, no dictionaries).
///
/// Indices are given in order of first appearance over the training examples, so the same
/// examples always give the same vocabulary.
struct FeatureVocabulary: Sendable, Equatable {
    private(set) var keys: [UInt64] = []
    private(set) var blocks: [FeatureBlock] = []
    private(set) var inverseDocumentFrequency: [Float] = []
    private var slots: [Int32] = []
    private var mask = 0

    var count: Int { keys.count }

    /// A vocabulary of `keys` with their blocks and IDF values.
    init(keys: [UInt64], blocks: [FeatureBlock], inverseDocumentFrequency: [Float]) {
        self.keys = keys
        self.blocks = blocks
        self.inverseDocumentFrequency = inverseDocumentFrequency
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = [Int32](repeating: -1, count: capacity)
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// Builds the vocabulary of `documents` with smoothed IDF: ln((1 + n) / (1 + df)) + 1.
    /// - Complexity: O(total features).
    /// Character grams seen in fewer training lines than `minimumCharacterFrequency` are left out
    /// (they only ever match their own line); every word and bigram is kept.
    static func build(from documents: [TextFeatures], minimumCharacterFrequency: Int = 2) -> FeatureVocabulary {
        var keys: [UInt64] = []
        var blocks: [FeatureBlock] = []
        var frequencies: [Int] = []
        var table: [UInt64: Int] = [:]
        var seen: Set<UInt64> = []
        for document in documents {
            seen.removeAll(keepingCapacity: true)
            for (block, list) in [(FeatureBlock.words, document.wordKeys), (.characters, document.characterKeys)] {
                for key in list where seen.insert(key).inserted {
                    if let index = table[key] {
                        frequencies[index] += 1
                    } else {
                        table[key] = keys.count
                        keys.append(key)
                        blocks.append(block)
                        frequencies.append(1)
                    }
                }
            }
        }
        let total = Float(documents.count)
        var keptKeys: [UInt64] = [], keptBlocks: [FeatureBlock] = [], idf: [Float] = []
        for index in keys.indices where blocks[index] == .words || frequencies[index] >= minimumCharacterFrequency {
            keptKeys.append(keys[index])
            keptBlocks.append(blocks[index])
            idf.append(logf((1 + total) / (1 + Float(frequencies[index]))) + 1)
        }
        return FeatureVocabulary(keys: keptKeys, blocks: keptBlocks, inverseDocumentFrequency: idf)
    }

    /// The index of `key`, or nil when training never saw it.
    @inline(__always)
    func index(of key: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            if keys[Int(index)] == key { return index }
            slot = (slot + 1) & mask
        }
    }

    static func == (lhs: FeatureVocabulary, rhs: FeatureVocabulary) -> Bool {
        lhs.keys == rhs.keys && lhs.blocks == rhs.blocks && lhs.inverseDocumentFrequency == rhs.inverseDocumentFrequency
    }
}
