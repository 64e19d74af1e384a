import ChatCore
import Segmentation

/// Turns a line into the keys of its terms in the two BM25 fields, straight from the segmenter's
/// spans and folded scalars (no per-token `String`).
///
/// 「怎么还没发货？」 → words 怎么 还 没 发货 (the punctuation dropped); characters 怎 么 还 没 发 货
/// and bigrams 怎么 么还 还没 没发 发货. Character grams come from Chinese tokens only (`word`
/// and `other` kinds) and never span punctuation, spaces, Latin words or numbers; Latin words,
/// numbers and the rest are words only.
struct TermExtractor: Sendable {
    /// The key namespaces of the two fields: the word 「发货」 and the bigram 「发货」 differ.
    static let wordField: UInt32 = 1
    static let characterField: UInt32 = 2

    let segmenter: Segmenter

    /// Cuts `text` in `workspace` and leaves its keys in `workspace.wordKeys` and
    /// `workspace.characterKeys` (repeats kept: they are term frequencies).
    /// - Complexity: O(n) in the line's length, after segmentation.
    func extract(_ text: String, in workspace: inout TermWorkspace) {
        // The key arrays are taken out of the workspace while its segmentation is read.
        var wordKeys = workspace.wordKeys, characterKeys = workspace.characterKeys
        workspace.wordKeys = []
        workspace.characterKeys = []
        wordKeys.removeAll(keepingCapacity: true)
        characterKeys.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { _ = segmenter.segment(utf8: $0, in: &workspace.segmentation) }
        let segmentation = workspace.segmentation
        segmentation.withFoldedScalars { folded in
            segmentation.withTokenBytes { tokens in
                var previousCharacter: UInt32? = nil
                var chunkEnd: Int32 = -1
                for span in tokens.spans {
                    if span.kind == .punct || span.kind == .symbol {
                        chunkEnd = -1
                        continue
                    }
                    var word = TextKey(namespace: Self.wordField)
                    for index in Int(span.start)..<Int(span.end) { word.combine(folded[index]) }
                    wordKeys.append(word.value)
                    guard span.kind == .word || span.kind == .other else {
                        chunkEnd = -1
                        continue
                    }
                    if span.start != chunkEnd { previousCharacter = nil }
                    for index in Int(span.start)..<Int(span.end) {
                        let character = folded[index]
                        var unigram = TextKey(namespace: Self.characterField)
                        unigram.combine(character)
                        characterKeys.append(unigram.value)
                        if let previous = previousCharacter {
                            var bigram = TextKey(namespace: Self.characterField)
                            bigram.combine(previous)
                            bigram.combine(character)
                            characterKeys.append(bigram.value)
                        }
                        previousCharacter = character
                    }
                    chunkEnd = span.end
                }
            }
        }
        workspace.wordKeys = wordKeys
        workspace.characterKeys = characterKeys
    }
}

/// The scratch memory of `TermExtractor`, reused line after line.
struct TermWorkspace {
    var segmentation = SegmentationWorkspace()
    var wordKeys: [UInt64] = []
    var characterKeys: [UInt64] = []
    /// One weight per translation-table term, all zero between uses (the re-ranker's translation scores).
    var translationWeights: [Float] = []
}
