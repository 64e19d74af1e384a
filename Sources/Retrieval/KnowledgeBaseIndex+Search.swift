extension KnowledgeBaseIndex {
    /// The `k` best-scoring entries and distractors for `query`, best first, each with its best
    /// question and BM25 score. Only items sharing at least one term with the query are returned;
    /// ties go to the earlier entry (and the earlier question).
    ///
    /// ```swift
    /// index.topK("运费多少钱", k: 3, in: &workspace).map(\.source)   // [.entry(1), …]
    /// ```
    /// - Complexity: O(query terms' postings + touched items × log k).
    public func topK(_ query: String, k: Int, in workspace: inout RetrievalWorkspace) -> [Candidate] {
        guard k > 0 else { return [] }
        workspace.prepare(questionCount: questionCount)
        extractor.extract(query, in: &workspace.terms)
        if parameters.wordWeight != 0 { accumulate(workspace.terms.wordKeys, in: &workspace.questionScores) }
        if parameters.characterWeight != 0 { accumulate(workspace.terms.characterKeys, in: &workspace.questionScores) }
        workspace.best.reset(capacity: k)
        collectItems(from: &workspace.questionScores, into: &workspace.best)
        return workspace.best.sortedBestFirst().map { item, score, question in
            let index = Int(item)
            let source: Candidate.Source = index < entries.count ? .entry(index) : .distractor(index - entries.count)
            return Candidate(source: source, question: Int(question), bm25Score: score, score: score)
        }
    }

    /// `topK` with a workspace of its own (convenient; a loop should reuse one workspace).
    public func topK(_ query: String, k: Int = 10) -> [Candidate] {
        var workspace = RetrievalWorkspace()
        return topK(query, k: k, in: &workspace)
    }

    /// The best candidate when it is an entry; nil when nothing matches or the query looks most
    /// like a distractor (a question the knowledge base does not answer).
    public func bestAnswer(for query: String, in workspace: inout RetrievalWorkspace) -> Candidate? {
        guard let best = topK(query, k: 1, in: &workspace).first, best.entryIndex != nil else { return nil }
        return best
    }

    /// Adds every posting of the query's terms to the question scores.
    private func accumulate(_ keys: [UInt64], in questionScores: inout [Float]) {
        postings.starts.withUnsafeBufferPointer { starts in
        postings.questions.withUnsafeBufferPointer { questions in
        postings.weights.withUnsafeBufferPointer { weights in
        questionScores.withUnsafeMutableBufferPointer { scores in
            for key in keys {
                let term = Int(terms.id(of: key))
                guard term >= 0 else { continue }
                for posting in Int(starts[term])..<Int(starts[term + 1]) {
                    scores[Int(questions[posting])] += weights[posting]
                }
            }
        }
        }
        }
        }
    }

    /// Offers every item that scored to `best` with its best question's score (the earliest
    /// question on a tie), and clears the question scores. One pass over the questions in order:
    /// an entry's questions are contiguous and the distractors follow them.
    /// - Complexity: O(questions), a sequential scan.
    private func collectItems(from questionScores: inout [Float], into best: inout TopItems) {
        let entryCount = entries.count
        questionStarts.withUnsafeBufferPointer { starts in
        questionScores.withUnsafeMutableBufferPointer { scores in
            for entry in 0..<entryCount {
                var top: Float = 0
                var question: Int32 = -1
                for index in Int(starts[entry])..<Int(starts[entry + 1]) where scores[index] > top {
                    top = scores[index]
                    question = Int32(index)
                }
                if question >= 0 { best.offer(Int32(entry), score: top, question: question) }
            }
            let distractorStart = Int(starts[entryCount])
            for index in distractorStart..<questionCount where scores[index] > 0 {
                best.offer(Int32(entryCount + index - distractorStart), score: scores[index], question: Int32(index))
            }
            _ = scores.update(repeating: 0)
        }
        }
    }
}
