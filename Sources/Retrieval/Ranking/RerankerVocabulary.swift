import ChatCore
import Learning
import Segmentation

/// The words a re-ranker has its own vectors for, and the cutting of a text into the token rows
/// its encoder reads.
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

/// What a re-ranker's encoder steps over.
public enum RerankerTokenUnit: Int, Sendable, Equatable {
    /// The segmenter's words: 「怎么还没发货」 → 怎么 还 没 发货.
    case words = 0
    /// Each Chinese character with the next one of its run (other tokens whole):
    /// 「怎么还没发货」 → 怎么 么还 还没 没发 发货 货.
    case characters = 1
}

/// Cuts texts into the normalised units the re-ranker reads: the segmenter's tokens without
/// punctuation and symbols (or their characters, see `RerankerTokenUnit`), at most
/// `maximumTokens` of them.
struct RerankerTokenizer: Sendable {
    let segmenter: Segmenter
    let maximumTokens: Int
    var unit: RerankerTokenUnit = .words

    /// The units of `text` (「怎么还没发货？」 → ["怎么", "还", "没", "发货"] in words).
    func words(_ text: String, in workspace: inout SegmentationWorkspace) -> [String] {
        var words: [String] = []
        var run: [Unicode.Scalar] = []
        func flushRun() {
            for (index, scalar) in run.enumerated() where words.count < maximumTokens {
                var window = String.UnicodeScalarView([scalar])
                if index + 1 < run.count { window.append(run[index + 1]) }
                words.append(String(window))
            }
            run.removeAll()
        }
        for token in segmenter.tokenize(text, in: &workspace) where token.kind != .punct && token.kind != .symbol {
            if unit == .characters && (token.kind == .word || token.kind == .other) {
                run += token.normalized.unicodeScalars
                continue
            }
            flushRun()
            guard words.count < maximumTokens else { break }
            words.append(token.normalized)
        }
        flushRun()
        return words
    }

    /// The words of every text, cut on `chunks` threads (results in text order).
    func words(of texts: [String], chunks: Int) -> [[String]] {
        let ranges = ParallelChunks.ranges(count: texts.count, chunks: chunks)
        let tokenizer = self
        return ParallelChunks.map(ranges.count) { chunk in
            var workspace = SegmentationWorkspace()
            return ranges[chunk].map { tokenizer.words(texts[$0], in: &workspace) }
        }.flatMap { $0 }
    }

    /// The token rows of `words` for `embedding`, words looked up in `vocabulary`.
    static func rows(_ words: [String], vocabulary: RerankerVocabulary, embedding: EmbeddingTable) -> TokenRows {
        var rows = TokenRows()
        for word in words { embedding.appendToken(word: vocabulary[word], scalars: word.unicodeScalars, to: &rows) }
        return rows
    }
}
