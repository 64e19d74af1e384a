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
        let itemCount = entries.count + distractors.count
        workspace.prepare(questionCount: questionCount, itemCount: itemCount)
        extractor.extract(query, in: &workspace.terms)
        if parameters.wordWeight != 0 { accumulate(workspace.terms.wordKeys, in: &workspace) }
        if parameters.characterWeight != 0 { accumulate(workspace.terms.characterKeys, in: &workspace) }
        collectItems(in: &workspace)
        return selectBest(k, in: &workspace)
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
    private func accumulate(_ keys: [UInt64], in workspace: inout RetrievalWorkspace) {
        postings.starts.withUnsafeBufferPointer { starts in
        postings.questions.withUnsafeBufferPointer { questions in
        postings.weights.withUnsafeBufferPointer { weights in
        workspace.questionScores.withUnsafeMutableBufferPointer { scores in
            for key in keys {
                let term = terms.id(of: key)
                guard term >= 0 else { continue }
                for posting in Int(starts[Int(term)])..<Int(starts[Int(term) + 1]) {
                    let question = Int(questions[posting])
                    if scores[question] == 0 { workspace.touchedQuestions.append(Int32(question)) }
                    scores[question] += weights[posting]
                }
            }
        }
        }
        }
        }
    }

    /// Folds question scores into item scores (an item's score is its best question's) and
    /// clears the question accumulators.
    private func collectItems(in workspace: inout RetrievalWorkspace) {
        for question in workspace.touchedQuestions {
            let score = workspace.questionScores[Int(question)]
            workspace.questionScores[Int(question)] = 0
            let item = Int(questionOwners[Int(question)])
            let best = workspace.itemScores[item]
            if best == 0 { workspace.touchedItems.append(Int32(item)) }
            if score > best || (score == best && question < workspace.itemQuestions[item]) {
                workspace.itemScores[item] = score
                workspace.itemQuestions[item] = question
            }
        }
        workspace.touchedQuestions.removeAll(keepingCapacity: true)
    }

    /// The `k` best touched items, best first; clears the item accumulators.
    private func selectBest(_ k: Int, in workspace: inout RetrievalWorkspace) -> [Candidate] {
        var heap = TopItems(capacity: k, storage: workspace.heap)
        for item in workspace.touchedItems {
            heap.offer(item, score: workspace.itemScores[Int(item)])
        }
        let best = heap.sortedBestFirst(scores: workspace.itemScores)
        let result = best.map { item in
            let index = Int(item)
            let score = workspace.itemScores[index]
            let source: Candidate.Source = index < entries.count ? .entry(index) : .distractor(index - entries.count)
            return Candidate(source: source, question: Int(workspace.itemQuestions[index]), bm25Score: score, score: score)
        }
        for item in workspace.touchedItems { workspace.itemScores[Int(item)] = 0 }
        workspace.touchedItems.removeAll(keepingCapacity: true)
        workspace.heap = heap.storage
        return result
    }
}
