import ChatCore

/// The Chinese-aware segmenter: cuts a line into words, Latin words, numbers, phones, e-mail
/// addresses, URLs, punctuation and emoji, each with its exact place in the line.
///
/// Chinese runs follow jieba's algorithm: the prefix dictionary gives every word that starts at
/// each character (the word graph), dynamic programming picks the route with the highest sum of
/// log frequencies, and the BMES HMM cuts runs of single characters the dictionary does not know.
/// 「永和服装饰品有限公司」 → 永和 服装 饰品 有限公司.
///
/// A `Segmenter` is an immutable value, safe to share between threads; each caller brings a
/// `SegmentationWorkspace` for the scratch memory.
public struct Segmenter: Sendable {
    let lexicon: Lexicon
    /// Whether the HMM cuts runs of unknown characters (`--no-hmm` turns it off).
    public var usesHMM: Bool

    /// A segmenter over a compiled dictionary, with user words added on top.
    /// - Throws: `WordListError` for a user word that is empty or contains whitespace.
    public init(image: DictionaryImage, userWords: WordList = WordList(), usesHMM: Bool = true) throws(WordListError) {
        self.usesHMM = usesHMM
        lexicon = try Self.lexicon(image: image, adding: userWords)
    }

    init(lexicon: Lexicon, usesHMM: Bool) {
        self.lexicon = lexicon
        self.usesHMM = usesHMM
    }

    /// Cuts one line given as UTF-8 bytes (without its line break) into `workspace.spans`.
    /// - Returns: false when the bytes were not valid UTF-8; invalid sequences became U+FFFD.
    /// - Complexity: O(n × longest word) for the dictionary, O(n) for the HMM.
    @discardableResult
    public func segment(utf8 bytes: UnsafeBufferPointer<UInt8>, in workspace: inout SegmentationWorkspace) -> Bool {
        let valid = workspace.line.load(bytes)
        workspace.prepare(scalarCount: workspace.line.count)
        let line = workspace.line
        let scanner = ScriptScanner(line: line)
        var blockStart = -1
        var position = 0
        let count = line.count
        while position < count {
            let scalarClass = line.classes[position]
            switch scalarClass {
            case .han:
                if blockStart < 0 { blockStart = position }
                let end = scanner.marksEnd(from: position + 1)
                markUnit(position..<end, in: &workspace)
                position = end
            case .letter, .digit:
                let (end, kind) = scanner.alphanumeric(at: position)
                if kind == .latin || kind == .number {
                    if blockStart < 0 { blockStart = position }
                    markUnit(position..<end, in: &workspace)
                } else {
                    closeBlock(&blockStart, at: position, in: &workspace)
                    workspace.append(TokenSpan(start: position, end: end, kind: kind))
                }
                position = end
            case .space:
                closeBlock(&blockStart, at: position, in: &workspace)
                position += 1
            case .punct, .symbol:
                closeBlock(&blockStart, at: position, in: &workspace)
                let (end, kind) = scanner.punctuationOrSymbol(at: position)
                workspace.append(TokenSpan(start: position, end: end, kind: kind))
                position = end
            case .emoji, .regionalIndicator:
                closeBlock(&blockStart, at: position, in: &workspace)
                let end = scanner.emoji(at: position)
                workspace.append(TokenSpan(start: position, end: end, kind: .emoji))
                position = end
            case .other:
                closeBlock(&blockStart, at: position, in: &workspace)
                let end = scanner.run(at: position)
                workspace.append(TokenSpan(start: position, end: end, kind: .other))
                position = end
            case .mark:
                // A mark that follows nothing it can attach to stands alone.
                closeBlock(&blockStart, at: position, in: &workspace)
                if !workspace.extendLastSpan(to: position + 1) {
                    workspace.append(TokenSpan(start: position, end: position + 1, kind: .symbol))
                }
                position += 1
            }
        }
        closeBlock(&blockStart, at: count, in: &workspace)
        return valid
    }

    /// Cuts `text` into tokens.
    ///
    /// ```swift
    /// segmenter.tokenize("我的订单20241105123456到哪了").map(\.text)
    /// // ["我", "的", "订单", "20241105123456", "到", "哪", "了"]
    /// ```
    public func tokenize(_ text: String) -> [Token] {
        var workspace = SegmentationWorkspace()
        return tokenize(text, in: &workspace)
    }

    /// Cuts `text` into tokens, reusing `workspace`.
    public func tokenize(_ text: String, in workspace: inout SegmentationWorkspace) -> [Token] {
        var text = text
        text.withUTF8 { _ = segment(utf8: $0, in: &workspace) }
        let line = workspace.line
        return workspace.spans.map { span in
            let start = Int(span.start), end = Int(span.end)
            let lower = Int(line.utf8Offsets[start]), upper = Int(line.utf8Offsets[end])
            let original = String(decoding: line.bytes[lower..<upper], as: UTF8.self)
            var normalized = String.UnicodeScalarView()
            for index in start..<end { normalized.append(Unicode.Scalar(line.folded[index]) ?? "\u{FFFD}") }
            return Token(text: original, normalized: String(normalized), kind: span.kind,
                         utf8Range: lower..<upper, scalarRange: start..<end)
        }
    }

    @inline(__always)
    private func markUnit(_ unit: Range<Int>, in workspace: inout SegmentationWorkspace) {
        workspace.unitEnds[unit.lowerBound] = Int32(unit.upperBound)
        for inside in (unit.lowerBound + 1)..<unit.upperBound { workspace.unitEnds[inside] = -1 }
    }

    @inline(__always)
    private func closeBlock(_ blockStart: inout Int, at end: Int, in workspace: inout SegmentationWorkspace) {
        guard blockStart >= 0 else { return }
        segmentBlock(blockStart..<end, in: &workspace)
        blockStart = -1
    }
}
