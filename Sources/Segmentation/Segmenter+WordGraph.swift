import ChatCore

extension Segmenter {
    /// Cuts a block — adjacent Chinese characters, Latin words and numbers with nothing between
    /// them — by the best route through its word graph, then hands runs of single characters the
    /// dictionary does not know to the HMM.
    ///
    /// Words may cross from one script to another (`T恤`, `4s店`, `qq号`) but never cut into a
    /// Latin word or number, which are atomic units.
    /// - Complexity: O(n × longest word).
    func segmentBlock(_ block: Range<Int>, in workspace: inout SegmentationWorkspace) {
        let folded = workspace.line.folded
        let lexicon = lexicon
        workspace.codes.withUnsafeMutableBufferPointer { codes in
            for position in block { codes[position] = lexicon.code(of: folded[position]) }
        }
        findBestRoute(block, in: &workspace)
        emitRoute(block, in: &workspace)
    }

    /// Dynamic programming from the end of the block: the score of a position is the best, over
    /// words starting there, of log P(word) + the score where the word ends. Ties go to the
    /// longer word, as in jieba.
    private func findBestRoute(_ block: Range<Int>, in workspace: inout SegmentationWorkspace) {
        let trie = lexicon.image.trie
        let logTotal = lexicon.image.logTotal
        let checkUserWords = lexicon.hasUserWords
        let classes = workspace.line.classes
        let end = block.upperBound
        workspace.routeScores[end] = 0
        workspace.codes.withUnsafeBufferPointer { codes in
        workspace.unitEnds.withUnsafeBufferPointer { unitEnds in
        workspace.routeScores.withUnsafeMutableBufferPointer { scores in
        workspace.routeEnds.withUnsafeMutableBufferPointer { routeEnds in
            var start = end - 1
            while start >= block.lowerBound {
                defer { start -= 1 }
                let unitEnd = Int(unitEnds[start])
                guard unitEnd >= 0 else { continue }
                var bestScore = -Double.infinity
                var bestEnd = -1
                var state: Int32 = 0
                var userState: Int32 = checkUserWords && lexicon.startsUserWord(codes[start]) ? 0 : -1
                var position = start
                while position < end {
                    let code = codes[position]
                    if state >= 0 { state = trie.child(of: state, code: code) }
                    if userState >= 0 { userState = lexicon.overlayChild(of: userState, code: code) }
                    if state < 0 && userState < 0 { break }
                    position += 1
                    guard position == end || unitEnds[position] >= 0 else { continue }
                    var logFrequency: Float = -1
                    if userState >= 0 {
                        let value = lexicon.overlayValue(at: userState)
                        if value >= 0 { logFrequency = value } else if value == Lexicon.removed { continue }
                    }
                    if logFrequency < 0, state >= 0 { logFrequency = trie.wordLogFrequency(at: state) ?? -1 }
                    guard logFrequency >= 0 else { continue }
                    let score = Double(logFrequency) - logTotal + scores[position]
                    if score >= bestScore {
                        bestScore = score
                        bestEnd = position
                    }
                }
                // The unit on its own, with frequency 1: always possible for a Latin word or a
                // number; for a Chinese character only when no word starts there (as in jieba).
                if bestEnd < 0 || classes[start] != .han {
                    let score = -logTotal + scores[unitEnd]
                    if bestEnd < 0 || score > bestScore || (score == bestScore && unitEnd > bestEnd) {
                        bestScore = score
                        bestEnd = unitEnd
                    }
                }
                scores[start] = bestScore
                routeEnds[start] = Int32(bestEnd)
            }
        }
        }
        }
        }
    }

    /// Walks the best route from the start, emitting words and collecting runs of single
    /// characters for the HMM.
    private func emitRoute(_ block: Range<Int>, in workspace: inout SegmentationWorkspace) {
        var position = block.lowerBound
        var singlesStart = -1
        while position < block.upperBound {
            let end = Int(workspace.routeEnds[position])
            if end - position == 1 && workspace.line.classes[position] == .han {
                if singlesStart < 0 { singlesStart = position }
            } else {
                if singlesStart >= 0 {
                    emitSingles(singlesStart..<position, in: &workspace)
                    singlesStart = -1
                }
                let kind: Token.Kind = Int(workspace.unitEnds[position]) == end && workspace.line.classes[position] != .han
                    ? unitKind(position..<end, line: workspace.line) : .word
                workspace.append(TokenSpan(start: position, end: end, kind: kind))
            }
            position = end
        }
        if singlesStart >= 0 { emitSingles(singlesStart..<block.upperBound, in: &workspace) }
    }

    /// The kind of a Latin word or number unit: a number has no letters.
    private func unitKind(_ unit: Range<Int>, line: DecodedLine) -> Token.Kind {
        unit.contains { line.classes[$0] == .letter } ? .latin : .number
    }

    /// A run of single Chinese characters on the best route. With the HMM on and the run not itself
    /// a dictionary word, the HMM cuts it (「韦小宝」 stays whole); otherwise each character is a word.
    ///
    /// Unlike jieba, an HMM word that looks like common single-character words glued together is
    /// kept apart (「我想查」 → 我 想 查, not 我想查): the HMM was trained on news text and glues
    /// function words and short verbs together.
    private func emitSingles(_ run: Range<Int>, in workspace: inout SegmentationWorkspace) {
        let isWord = run.count > 1 && lexicon.logFrequency(ofCodes: workspace.codes[run]) != nil
        guard usesHMM, run.count > 1, !isWord else {
            for position in run { workspace.append(TokenSpan(start: position, end: position + 1, kind: .word)) }
            return
        }
        let alphabetSize = UInt32(lexicon.image.alphabet.size)
        workspace.hmmCodes.removeAll(keepingCapacity: true)
        for position in run {
            let code = workspace.codes[position]
            workspace.hmmCodes.append(code < alphabetSize ? code : 0)
        }
        let model = lexicon.image.model
        let hmmCodes = workspace.hmmCodes
        var scratch = workspace.hmmScratch
        workspace.hmmScratch = []
        hmmCodes.withUnsafeBufferPointer { codes in
            model.cut(codes, scratch: &scratch) { word in
                if word.count > 1 && isGluedFunctionWords(word.map { codes[$0] }) {
                    for index in word {
                        workspace.append(TokenSpan(start: run.lowerBound + index, end: run.lowerBound + index + 1, kind: .word))
                    }
                } else {
                    workspace.append(TokenSpan(start: run.lowerBound + word.lowerBound, end: run.lowerBound + word.upperBound, kind: .word))
                }
            }
        }
        workspace.hmmScratch = scratch
    }

    /// Whether an HMM word looks like common single-character words glued together: all of its
    /// characters are common words, or, in a word of three or more, all but one.
    private func isGluedFunctionWords(_ word: [UInt32]) -> Bool {
        let uncommon = word.count { !isCommonWord(code: $0) }
        return uncommon == 0 || (uncommon == 1 && word.count >= 3)
    }

    /// Whether the character with `code` is, on its own, a word at least as likely as
    /// `commonWordLogProbability`.
    private func isCommonWord(code: UInt32) -> Bool {
        guard let logFrequency = lexicon.logFrequency(ofCodes: CollectionOfOne(code)) else { return false }
        return Double(logFrequency) - lexicon.image.logTotal >= Self.commonWordLogProbability
    }

    /// log P of a single-character word above which the HMM may not glue it to its neighbours:
    /// about 1 in 7,300 words (444 single-character words of jieba's dictionary). Chosen on the
    /// UD Chinese GSD dev set: F1 0.793 → 0.7995 for words made only of common characters, 0.8002
    /// when words of three or more may hold one other character. (Any word with at most one other
    /// character gave 0.7998 but split 单号 and 在理.)
    static let commonWordLogProbability = -8.9
}
