import ChatCore
import Segmentation

/// The raw feature keys of one line, before the vocabulary and IDF: word unigrams and bigrams,
/// and character n-grams, each as a 64-bit key (repeats kept: they are the term frequencies).
///
/// For 「我想退货」 the words are 我 想 退货, the bigrams 我_想 and 想_退货, and the character
/// grams come from 「 我想退货 」 (n = 1…4, the lone padding space left out).
struct TextFeatures {
    var wordKeys: [UInt64] = []
    var characterKeys: [UInt64] = []
    /// The word keys of content tokens only (not shapes such as `<num>`, not symbols).
    var contentWordKeys: [UInt64] = []
    /// How many tokens carry meaning (words, Latin words, other scripts, emoji), and how many
    /// of them are shapes (numbers, phones, e-mail addresses, URLs).
    var contentTokenCount = 0
    /// Whether every content token is a Latin word.
    var allContentIsLatin = true
    /// Readable names of the keys, filled only when `extract(…, names:)` asks for them.
    var names: [UInt64: String] = [:]

    mutating func removeAll() {
        wordKeys.removeAll(keepingCapacity: true)
        characterKeys.removeAll(keepingCapacity: true)
        contentWordKeys.removeAll(keepingCapacity: true)
        contentTokenCount = 0
        allContentIsLatin = true
    }
}

/// Turns a line into `TextFeatures`: which n-grams, and how tokens of each kind are spelled.
struct FeatureExtractor: Sendable {
    var minimumGram = 1
    var maximumGram = 4

    static let wordNamespace: UInt32 = 1
    static let bigramNamespace: UInt32 = 2
    static let characterNamespace: UInt32 = 3

    /// The spelling a token contributes as a word, or nil when it is punctuation.
    /// Numbers, phones, e-mail addresses and URLs become their shape (`<num>`), so 「20241105123456」
    /// and 「1234」 look alike.
    static func spelling(of token: Token) -> (scalars: [UInt32], isContent: Bool, hasCharacters: Bool)? {
        switch token.kind {
        case .punct: return nil
        case .number: return (Array("<num>".unicodeScalars.map(\.value)), false, false)
        case .phone: return (Array("<phone>".unicodeScalars.map(\.value)), false, false)
        case .email: return (Array("<email>".unicodeScalars.map(\.value)), false, false)
        case .url: return (Array("<url>".unicodeScalars.map(\.value)), false, false)
        case .symbol: return (token.normalized.unicodeScalars.map(\.value), false, false)
        case .word, .latin, .other, .emoji: return (token.normalized.unicodeScalars.map(\.value), true, true)
        }
    }

    /// Extracts the features of `tokens` into `features` (cleared first).
    /// - Complexity: O(n × maximumGram) for n scalars.
    func extract(_ tokens: [Token], into features: inout TextFeatures, names: Bool = false) {
        features.removeAll()
        var previousWord: [UInt32]? = nil
        var chunk: [UInt32] = [0x20]
        var chunkEnd = -1
        for token in tokens {
            guard let (scalars, isContent, hasCharacters) = Self.spelling(of: token) else {
                flush(&chunk, into: &features, names: names)
                chunkEnd = -1
                continue
            }
            if isContent {
                features.contentTokenCount += 1
                if token.kind != .latin { features.allContentIsLatin = false }
            }
            var word = TextKey(namespace: Self.wordNamespace)
            for scalar in scalars { word.combine(scalar) }
            features.wordKeys.append(word.value)
            if isContent { features.contentWordKeys.append(word.value) }
            if names { features.names[word.value] = Self.text(scalars) }
            if let previous = previousWord {
                var bigram = TextKey(namespace: Self.bigramNamespace)
                for scalar in previous { bigram.combine(scalar) }
                bigram.combine(0x20)
                for scalar in scalars { bigram.combine(scalar) }
                features.wordKeys.append(bigram.value)
                if names { features.names[bigram.value] = Self.text(previous) + " " + Self.text(scalars) }
            }
            previousWord = scalars
            if hasCharacters {
                if chunkEnd != token.scalarRange.lowerBound { flush(&chunk, into: &features, names: names) }
                chunk.append(contentsOf: scalars)
                chunkEnd = token.scalarRange.upperBound
            } else {
                flush(&chunk, into: &features, names: names)
                chunkEnd = -1
            }
        }
        flush(&chunk, into: &features, names: names)
    }

    /// Emits the character n-grams of the padded chunk and starts a new one.
    private func flush(_ chunk: inout [UInt32], into features: inout TextFeatures, names: Bool) {
        guard chunk.count > 1 else { return }
        chunk.append(0x20)
        let count = chunk.count
        for start in 0..<count {
            var gram = TextKey(namespace: Self.characterNamespace)
            for length in 1...maximumGram {
                let end = start + length
                guard end <= count else { break }
                gram.combine(chunk[end - 1])
                if length < minimumGram || (length == 1 && chunk[start] == 0x20) { continue }
                features.characterKeys.append(gram.value)
                if names { features.names[gram.value] = Self.text(Array(chunk[start..<end])) }
            }
        }
        chunk.removeAll(keepingCapacity: true)
        chunk.append(0x20)
    }

    private static func text(_ scalars: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        for value in scalars { view.append(Unicode.Scalar(value) ?? "\u{FFFD}") }
        return String(view)
    }
}
