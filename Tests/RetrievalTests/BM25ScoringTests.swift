/// BM25 scores computed by hand, ranking order, entries scored by their best question, and
/// distractors that rank but never answer.
import Retrieval
import Segmentation
import Testing

@Suite("BM25 scoring and ranking", .enabled(if: sharedSegmenter != nil, "the shipped dictionary is missing"))
struct BM25ScoringTests {
    let segmenter = sharedSegmenter!

    /// Three one-question entries in Latin words (words only: no character grams), so every number
    /// can be worked out on paper. N = 3, lengths 2, 3, 1 (average 2), k1 = 1.2, b = 0.75;
    /// apple and cherry are each in 2 questions: IDF = ln(1 + 1.5 / 2.5) = ln 1.6.
    var fruit: KnowledgeBaseIndex {
        get throws {
            try KnowledgeBaseIndex(entries: [
                KnowledgeBaseEntry(id: "a", questions: ["apple banana"]),
                KnowledgeBaseEntry(id: "b", questions: ["apple apple cherry"]),
                KnowledgeBaseEntry(id: "c", questions: ["cherry"]),
            ], segmenter: segmenter)
        }
    }

    static let idf = Float(0.4700036292457356)   // ln 1.6

    @Test("one term: exact Okapi scores with Lucene's IDF")
    func oneTerm() throws {
        let ranking = try fruit.topK("apple", k: 10)
        #expect(ranking.map(\.source) == [.entry(1), .entry(0)])
        // b: tf 2, length 3 → 2 × 2.2 / (2 + 1.2 × (0.25 + 0.75 × 1.5)) = 4.4 / 3.65
        #expect(abs(ranking[0].bm25Score - Self.idf * 4.4 / 3.65) < 1e-5)
        // a: tf 1, length 2 (the average) → 2.2 / 2.2 = 1
        #expect(abs(ranking[1].bm25Score - Self.idf) < 1e-5)
        #expect(ranking.allSatisfy { $0.score == $0.bm25Score })
    }

    @Test("two terms add up; an entry that shares no term is not returned")
    func twoTerms() throws {
        let ranking = try fruit.topK("Apple, cherry!", k: 10)
        #expect(ranking.map(\.source) == [.entry(1), .entry(2), .entry(0)])
        let b = Self.idf * (4.4 / 3.65 + 2.2 / 2.65)   // cherry in b: tf 1, length 3
        let c = Self.idf * 2.2 / 1.75                   // cherry in c: tf 1, length 1
        #expect(abs(ranking[0].bm25Score - b) < 1e-5)
        #expect(abs(ranking[1].bm25Score - c) < 1e-5)
        #expect(try fruit.topK("durian", k: 10).isEmpty)
        #expect(try fruit.topK("。！", k: 10).isEmpty)
        #expect(try fruit.topK("apple", k: 0).isEmpty)
    }

    @Test("k1 and b change the scores as the formula says")
    func parameters() throws {
        // b = 0: no length normalisation; k1 = 0: a term counts once whatever its frequency.
        let flat = try KnowledgeBaseIndex(entries: [
            KnowledgeBaseEntry(id: "a", questions: ["apple banana"]),
            KnowledgeBaseEntry(id: "b", questions: ["apple apple cherry"]),
            KnowledgeBaseEntry(id: "c", questions: ["cherry"]),
        ], segmenter: segmenter, parameters: BM25Parameters(k1: 0, b: 0))
        let ranking = flat.topK("apple", k: 10)
        #expect(ranking.count == 2)
        #expect(ranking.allSatisfy { abs($0.bm25Score - Self.idf) < 1e-5 })
        #expect(ranking.map(\.source) == [.entry(0), .entry(1)], "ties go to the earlier entry")
    }

    @Test("Chinese paraphrases find their entry through words and character bigrams", arguments: [
        ("还没发货吗", "shipping-time"),
        ("发货要几天", "shipping-time"),
        ("运费多少钱", "shipping-fee"),
        ("满多少钱包邮啊", "shipping-fee"),
        ("我想退货怎么弄", "return"),
        ("可以开发票吗？", "invoice"),
        ("ＰＬＥＡＳＥ 开发票", "invoice"),
    ])
    func chinese(query: String, id: String) throws {
        let index = try KnowledgeBaseIndex(entries: shopEntries, segmenter: segmenter)
        let best = try #require(index.topK(query, k: 3).first)
        #expect(best.entryIndex.map { index.entries[$0].id } == id)
    }

    @Test("an entry's score is its best question's, and the candidate names that question")
    func bestQuestion() throws {
        let grouped = try KnowledgeBaseIndex(entries: [
            KnowledgeBaseEntry(id: "fee", questions: ["运费怎么算", "包邮吗"]),
            KnowledgeBaseEntry(id: "time", questions: ["什么时候发货"]),
        ], segmenter: segmenter)
        // The same questions, one entry each: the same statistics, so the same question scores.
        let apart = try KnowledgeBaseIndex(entries: [
            KnowledgeBaseEntry(id: "fee-1", questions: ["运费怎么算"]),
            KnowledgeBaseEntry(id: "fee-2", questions: ["包邮吗"]),
            KnowledgeBaseEntry(id: "time", questions: ["什么时候发货"]),
        ], segmenter: segmenter)
        let query = "请问包邮吗运费"
        let best = try #require(grouped.topK(query, k: 5).first)
        let separate = apart.topK(query, k: 5)
        #expect(best.entryIndex == 0)
        let top = try #require(separate.first)
        #expect(best.bm25Score == top.bm25Score)
        #expect(grouped.question(at: best.question) == apart.question(at: top.question))
        #expect(grouped.questionRange(ofEntry: 0).contains(best.question))
        #expect(separate.filter { $0.entryIndex! < 2 }.count == 2, "both fee questions match on their own")
    }

    @Test("distractors rank like entries but are never an answer")
    func distractors() throws {
        let index = try KnowledgeBaseIndex(entries: shopEntries, distractors: ["发货地址能改吗", "你们几点下班"],
                                           segmenter: segmenter)
        #expect(index.questionCount == 10 + 2)
        #expect(index.question(at: 10) == "发货地址能改吗")
        var workspace = RetrievalWorkspace()
        let ranking = index.topK("发货地址能改吗", k: 5, in: &workspace)
        #expect(ranking.first?.source == .distractor(0))
        #expect(ranking.first?.entryIndex == nil)
        #expect(index.bestAnswer(for: "发货地址能改吗", in: &workspace) == nil)
        #expect(index.bestAnswer(for: "几点下班", in: &workspace) == nil)
        let answer = try #require(index.bestAnswer(for: "多久发货", in: &workspace))
        #expect(answer.entryIndex == 0)
        for query in ["包邮吗", "退货", "发票", "几点"] {
            for candidate in index.topK(query, k: 10, in: &workspace) {
                if case .distractor(let d) = candidate.source {
                    #expect(candidate.question == 10 + d)
                    #expect(candidate.entryIndex == nil)
                }
            }
        }
    }

    @Test("a reused workspace gives the same rankings as a fresh one, in any order of queries")
    func workspaceReuse() throws {
        let index = try KnowledgeBaseIndex(entries: shopEntries, distractors: ["发货地址能改吗"], segmenter: segmenter)
        let queries = ["怎么还没发货", "包邮", "退货", "发票", "发货发货发货", "", "hello", "运费 发货 退货 发票"]
        var workspace = RetrievalWorkspace()
        for query in queries + queries.reversed() {
            #expect(index.topK(query, k: 3, in: &workspace) == index.topK(query, k: 3))
        }
        #expect(index.topK("发货", k: 1).count == 1)
        #expect(index.topK("运费 发货 退货 发票", k: 100).count <= 5)
    }

    @Test("k limits the ranking and keeps the best, best first")
    func topKOrder() throws {
        let index = try KnowledgeBaseIndex(entries: shopEntries, segmenter: segmenter)
        let all = index.topK("运费 发货 退货 发票 包邮", k: 100)
        #expect(all.count == 4)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.score >= $1.score })
        for k in 1...4 { #expect(index.topK("运费 发货 退货 发票 包邮", k: k) == Array(all.prefix(k))) }
    }

    @Test("a repeated id or an entry without questions is refused with what to fix")
    func badEntries() throws {
        #expect(throws: KnowledgeBaseIndexError.duplicateID("a")) {
            try KnowledgeBaseIndex(entries: [KnowledgeBaseEntry(id: "a", questions: ["x"]),
                                             KnowledgeBaseEntry(id: "a", questions: ["y"])], segmenter: segmenter)
        }
        #expect(throws: KnowledgeBaseIndexError.noQuestions(id: "b")) {
            try KnowledgeBaseIndex(entries: [KnowledgeBaseEntry(id: "b", questions: [])], segmenter: segmenter)
        }
        #expect(KnowledgeBaseIndexError.duplicateID("a").description.contains("give each entry its own id"))
        let empty = try KnowledgeBaseIndex(entries: [], segmenter: segmenter)
        #expect(empty.topK("运费", k: 5).isEmpty)
    }

    @Test("BM25 alone as a re-ranker keeps the candidates as they are")
    func identityRanker() throws {
        let index = try KnowledgeBaseIndex(entries: shopEntries, segmenter: segmenter)
        let candidates = index.topK("发货", k: 10)
        #expect(BM25Ranking().rerank(candidates, for: "发货", in: index) == candidates)
        #expect(BM25Ranking().method == "bm25")
    }
}
