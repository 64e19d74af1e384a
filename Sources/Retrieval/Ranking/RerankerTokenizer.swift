import Learning
import Segmentation

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
