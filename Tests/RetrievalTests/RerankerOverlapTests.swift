/// The re-ranker's cheap surface features: `LexicalOverlap` and the word and character parts of a
/// question's BM25 score.
@testable import Retrieval
import Testing

struct RerankerOverlapTests {
    static func overlap(_ query: String, _ question: String) -> (dice: Float, substring: Float, length: Float) {
        let queryUnits = LexicalOverlap.units(query), questionUnits = LexicalOverlap.units(question)
        var row: [Int32] = []
        return queryUnits.withUnsafeBufferPointer { queryBuffer in
            questionUnits.withUnsafeBufferPointer { LexicalOverlap.features(query: queryBuffer, question: $0, row: &row) }
        }
    }

    @Test("letters and digits count, punctuation and spaces do not, ASCII is lower-cased")
    func units() {
        #expect(LexicalOverlap.units("App 怎么 登录？") == Array("app怎么登录".unicodeScalars.map(\.value)))
    }

    @Test("bigram Dice, longest common substring over the query, length ratio", arguments: [
        ("怎么还没发货", "什么时候发货", Float(0.2), Float(2) / 6, Float(1)),
        ("发货", "什么时候发货", Float(2) / 6, Float(1), Float(2) / 6),
        ("退款", "运费怎么算", Float(0), Float(0), Float(2) / 5),
        ("借款审核", "借款审核", Float(1), Float(1), Float(1)),
    ])
    func features(query: String, question: String, dice: Float, substring: Float, length: Float) {
        let result = Self.overlap(query, question)
        #expect(abs(result.dice - dice) < 1e-6)
        #expect(abs(result.substring - substring) < 1e-6)
        #expect(abs(result.length - length) < 1e-6)
    }

    @Test("an empty side overlaps nothing")
    func empty() {
        let result = Self.overlap("？？", "什么时候发货")
        #expect(result.dice == 0 && result.substring == 0 && result.length == 0)
    }

    @Test("a question's word and character parts add up to its BM25 score, and a query with no shared words has no words part",
          arguments: ["几天能发货", "退货要运费吗", "发票"])
    func fieldScores(query: String) throws {
        let index = try RerankFixture.index()
        var workspace = RetrievalWorkspace()
        let candidates = index.topK(query, k: 5, in: &workspace)
        try #require(!candidates.isEmpty)
        index.extractor.extract(query, in: &workspace.terms)
        for candidate in candidates {
            let parts = index.fieldScores(wordKeys: workspace.terms.wordKeys, characterKeys: workspace.terms.characterKeys,
                                          question: candidate.question)
            #expect(abs(parts.words + parts.characters - candidate.bm25Score) < 1e-4)
            #expect(parts.characters > 0)
        }
        let none = index.fieldScores(wordKeys: [], characterKeys: workspace.terms.characterKeys, question: candidates[0].question)
        #expect(none.words == 0)
    }
}
