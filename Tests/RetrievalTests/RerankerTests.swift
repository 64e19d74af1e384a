/// The neural re-ranker on a toy shop: training fixes a query BM25 gets wrong, the same seed gives
/// the same model, a saved model loads back equal, unrelated queries are refused, and every
/// answer carries its id and scores.
import KefuTestSupport
import Learning
import Retrieval
import Segmentation
import Testing

/// A toy knowledge base, pairs and options small enough to train in a moment.
enum RerankFixture {
    static let entries = [
        KnowledgeBaseEntry(id: "delivery-time", questions: ["什么时候发货", "几天能发货", "发货要多久"]),
        KnowledgeBaseEntry(id: "delivery-fee", questions: ["运费怎么算", "邮费多少钱", "包邮吗"]),
        KnowledgeBaseEntry(id: "address", questions: ["能寄到我家吗", "可以改收货地址吗"]),
        KnowledgeBaseEntry(id: "return", questions: ["怎么退货", "退货流程是什么", "可以退吗"]),
        KnowledgeBaseEntry(id: "invoice", questions: ["能开发票吗", "发票怎么开"]),
    ]

    /// Same-meaning pairs from "another shop": 寄到 ≈ arriving, 几天/多久 ≈ delivery time.
    static let pairs: [QuestionPair] = [
        ("包裹几天能寄到我家", "几天能发货"), ("快递多久能寄到", "发货要多久"), ("东西几天能寄到", "什么时候发货"),
        ("寄过来要多久", "发货要多久"), ("多久能收到包裹", "几天能发货"), ("送货上门吗", "能寄到我家吗"),
        ("收货地址写错了", "可以改收货地址吗"), ("寄到我家要运费吗", "运费怎么算"), ("退款流程", "怎么退货"),
        ("开票怎么弄", "发票怎么开"),
    ].map { QuestionPair(first: $0.0, second: $0.1, sameMeaning: true) }

    static let options = RerankerTrainingOptions(seed: 3, epochs: 40, batchSize: 8, embeddingSize: 16, hiddenSize: 16,
                                                 attentionSize: 16, bucketCount: 2_000, learningRate: 1e-2,
                                                 minimumWordCount: 1, heldOutShare: 0)

    static func index() throws -> KnowledgeBaseIndex {
        let segmenter = try #require(sharedSegmenter, "the shipped dictionary loads")
        return try KnowledgeBaseIndex(entries: entries, distractors: ["你们几点下班"], segmenter: segmenter)
    }

    static func trained(_ options: RerankerTrainingOptions = options) throws -> (KnowledgeBaseIndex, Reranker) {
        let index = try index()
        return (index, try RerankerTrainer.train(on: index, pairs: pairs, options: options))
    }
}

@Suite("Neural re-ranker")
struct RerankerTests {
    @Test("training puts the right entry first where BM25 alone is wrong")
    func fixesBM25() throws {
        let (index, reranker) = try RerankFixture.trained()
        let query = "包裹多久能寄到我家"
        let bm25First = try #require(index.topK(query, k: 50).first?.entryIndex)
        #expect(index.entries[bm25First].id == "address", "the fixture's point: BM25 prefers the lexical match")
        var workspace = RetrievalWorkspace()
        let ranking = reranker.bind(to: index).rank(query, in: &workspace)
        #expect(ranking.first?.entryIndex.map { index.entries[$0].id } == "delivery-time")
    }

    @Test("the same seed gives the same model hash; another seed another")
    func deterministic() throws {
        let (_, first) = try RerankFixture.trained()
        let (_, second) = try RerankFixture.trained()
        #expect(first.contentHash == second.contentHash)
        #expect(first == second)
        var options = RerankFixture.options
        options.seed = 4
        let (_, other) = try RerankFixture.trained(options)
        #expect(other.contentHash != first.contentHash)
    }

    @Test("one chunk and two chunks of parallel work each give the same model every time")
    func deterministicPerChunkCount() throws {
        var options = RerankFixture.options
        options.epochs = 3
        options.chunks = 1
        #expect(try RerankFixture.trained(options).1.contentHash == RerankFixture.trained(options).1.contentHash)
    }

    @Test("a saved model loads back equal and ranks the same")
    func roundTrip() throws {
        let (index, reranker) = try RerankFixture.trained()
        let folder = try ScratchDirectory()
        defer { folder.remove() }
        let path = folder.path("ranker.kefumodel")
        try reranker.write(toFile: path)
        let loaded = try Reranker(contentsOfFile: path)
        #expect(loaded == reranker)
        #expect(loaded.contentHash == reranker.contentHash)
        var workspace = RetrievalWorkspace()
        for query in ["包裹多久能寄到我家", "运费多少", "发票"] {
            #expect(loaded.bind(to: index).rank(query, in: &workspace) == reranker.bind(to: index).rank(query, in: &workspace))
        }
    }

    @Test("a file of another kind is rejected")
    func foreignFile() throws {
        let folder = try ScratchDirectory()
        defer { folder.remove() }
        let path = folder.path("other.kefumodel")
        try ModelArchive(kind: "kefu.intents").write(toFile: path)
        #expect(throws: ModelFileError.self) { try Reranker(contentsOfFile: path) }
    }

    @Test("answers carry the entry id, BM25, neural and final scores and clear the threshold",
          arguments: [("包裹多久能寄到我家", "delivery-time"), ("邮费怎么算", "delivery-fee"), ("发票怎么开", "invoice")])
    func answers(query: String, id: String) throws {
        let (index, reranker) = try RerankFixture.trained()
        let ranking = reranker.bind(to: index)
        var workspace = RetrievalWorkspace()
        let answer = try #require(ranking.answer(query, in: &workspace))
        #expect(answer.id == id)
        #expect(answer.isAccepted)
        let bm25 = try #require(index.topK(query, k: 50).first { $0.entryIndex == answer.candidate.entryIndex })
        #expect(answer.bm25Score == bm25.bm25Score)
        #expect(answer.neuralScore > 0.5 && answer.neuralScore <= 1.0001)
        #expect(answer.finalScore == ranking.rank(query, in: &workspace).first?.score)
        #expect(answer.confidence >= reranker.confidence.minimumProbability)
    }

    @Test("an unrelated query that shares a word or character gets no accepted answer",
          arguments: ["今天天气怎么样", "我想买一台电脑", "我想学开车"])
    func refusesUnrelated(query: String) throws {
        let (index, reranker) = try RerankFixture.trained()
        var workspace = RetrievalWorkspace()
        #expect(!index.topK(query, k: 5).isEmpty, "it shares something with the knowledge base")
        let answer = try #require(reranker.bind(to: index).answer(query, in: &workspace))
        #expect(!answer.isAccepted, "\(answer)")
        #expect(answer.confidence < reranker.confidence.minimumProbability)
    }

    @Test("with enough held-out pairs the weights and the confidence are fitted, and the ranker still answers")
    func calibrated() throws {
        var options = RerankFixture.options
        options.heldOutShare = 0.3
        let pairs = (0..<4).flatMap { copy in
            RerankFixture.pairs.map { QuestionPair(first: copy == 0 ? $0.first : $0.first + String(repeating: "呢", count: copy),
                                                   second: $0.second, sameMeaning: true) }
        } + [QuestionPair(first: "今天天气怎么样", second: "几天能发货", sameMeaning: false),
             QuestionPair(first: "我想学开车", second: "发票怎么开", sameMeaning: false),
             QuestionPair(first: "我想买电脑", second: "能寄到我家吗", sameMeaning: false)]
        let index = try RerankFixture.index()
        let reranker = try RerankerTrainer.train(on: index, pairs: pairs, options: options)
        #expect(reranker.weights != .unfitted)
        #expect(reranker.confidence.weights != AnswerConfidence.unfitted(minimumProbability: 0.5).weights)
        var workspace = RetrievalWorkspace()
        let ranking = reranker.bind(to: index)
        #expect(ranking.answer("邮费怎么算", in: &workspace)?.id == "delivery-fee")
    }

    @Test("a distractor ranked first is no answer")
    func distractorIsNoAnswer() throws {
        let (index, reranker) = try RerankFixture.trained()
        var workspace = RetrievalWorkspace()
        #expect(reranker.bind(to: index).answer("你们几点下班", in: &workspace) == nil)
    }

    @Test("nothing to learn from is an error that says what to add")
    func nothingToLearn() throws {
        let segmenter = try #require(sharedSegmenter)
        let index = try KnowledgeBaseIndex(entries: [KnowledgeBaseEntry(id: "a", questions: ["怎么退货"])], segmenter: segmenter)
        #expect(throws: RerankerTrainingError.nothingToLearn) {
            try RerankerTrainer.train(on: index, pairs: [QuestionPair(first: "a", second: "b", sameMeaning: false)])
        }
        #expect(RerankerTrainingError.nothingToLearn.description.contains("labelled 1"))
    }
}
