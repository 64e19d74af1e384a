extension KnowledgeBaseIndex {
    /// The two parts of one question's BM25 score for a query: what its words give and what its
    /// characters (unigrams and bigrams) give, from the query's extracted term keys.
    ///
    /// For 「发货要多久」 against 「什么时候发货」 the words part holds 发货 and the characters part
    /// 发, 货 and 发货 (as a bigram); `topK`'s score is their sum.
    /// - Complexity: O(query terms × log postings), a binary search in each term's postings.
    func fieldScores(wordKeys: [UInt64], characterKeys: [UInt64], question: Int) -> (words: Float, characters: Float) {
        (score(of: wordKeys, question: Int32(question)), score(of: characterKeys, question: Int32(question)))
    }

    private func score(of keys: [UInt64], question: Int32) -> Float {
        var total: Float = 0
        for key in keys {
            let term = Int(terms.id(of: key))
            guard term >= 0 else { continue }
            var low = Int(postings.starts[term]), high = Int(postings.starts[term + 1])
            while low < high {
                let middle = (low + high) / 2
                if postings.questions[middle] < question { low = middle + 1 } else { high = middle }
            }
            if low < Int(postings.starts[term + 1]) && postings.questions[low] == question { total += postings.weights[low] }
        }
        return total
    }
}
