#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Segmenter {
    /// The dictionary with `words` laid over it, in order: a later entry overrides an earlier one.
    static func lexicon(image: DictionaryImage, adding words: WordList) throws(WordListError) -> Lexicon {
        var lexicon = Lexicon(image: image)
        for entry in words.entries {
            guard !entry.word.isEmpty, !entry.word.unicodeScalars.contains(where: { ScalarClass.of(MatchingFold.fold($0.value)) == .space }) else {
                throw WordListError(source: entry.source ?? "user word", line: entry.line,
                                    problem: "the word '\(entry.word)' is empty or contains whitespace; tokens never span spaces")
            }
            let folded = entry.word.unicodeScalars.map { MatchingFold.fold($0.value) }
            let logFrequency: Float?
            switch entry.frequency {
            case 0: logFrequency = nil
            case let frequency?: logFrequency = Float(log(Double(frequency)))
            case nil: logFrequency = suggestedLogFrequency(for: entry.word, in: lexicon)
            }
            lexicon.setWord(folded: folded, logFrequency: logFrequency)
        }
        return lexicon
    }

    /// A frequency that makes `word` win over the pieces it is cut into now, as jieba's
    /// `suggest_freq` does: one more than total × Π P(piece), and never less than its current one.
    static func suggestedLogFrequency(for word: String, in lexicon: Lexicon) -> Float {
        let segmenter = Segmenter(lexicon: lexicon, usesHMM: false)
        var workspace = SegmentationWorkspace()
        var text = word
        text.withUTF8 { _ = segmenter.segment(utf8: $0, in: &workspace) }
        let logTotal = lexicon.image.logTotal
        var logProbability = 0.0
        for span in workspace.spans {
            let codes = (Int(span.start)..<Int(span.end)).map { lexicon.code(of: workspace.line.folded[$0]) }
            logProbability += Double(lexicon.logFrequency(ofCodes: codes) ?? 0) - logTotal
        }
        let suggested = log((exp(logProbability + logTotal)).rounded(.down) + 1)
        let current = Double(lexicon.logFrequency(ofCodes: workspace.line.folded[0..<workspace.line.count].map { lexicon.code(of: $0) }) ?? 0)
        return Float(max(suggested, current))
    }
}
