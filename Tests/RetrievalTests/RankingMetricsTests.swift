/// P@1, MRR@10 and R@5 on hand-made rankings, and query-time percentiles.
import Retrieval
import Testing

@Suite("Ranking measures")
struct RankingMetricsTests {
    @Test("ranks 1, 2, 5, 6, 11 and none: P@1 1/6, MRR@10 (1 + 1/2 + 1/5 + 1/6) / 6, R@5 3/6")
    func measures() {
        let metrics = RankingMetrics(ranks: [1, 2, 5, 6, 11, nil])
        #expect(metrics.queryCount == 6)
        #expect(abs(metrics.precisionAt1 - 1.0 / 6) < 1e-12)
        #expect(abs(metrics.meanReciprocalRankAt10 - (1 + 0.5 + 0.2 + 1.0 / 6) / 6) < 1e-12)
        #expect(abs(metrics.recallAt5 - 3.0 / 6) < 1e-12)
    }

    @Test("all first: every measure is 1; no queries: every measure is 0")
    func extremes() {
        let perfect = RankingMetrics(ranks: [1, 1, 1])
        #expect(perfect.precisionAt1 == 1 && perfect.meanReciprocalRankAt10 == 1 && perfect.recallAt5 == 1)
        let none = RankingMetrics(ranks: [])
        #expect(none.precisionAt1 == 0 && none.meanReciprocalRankAt10 == 0 && none.recallAt5 == 0)
    }

    @Test("the rank of an entry counts distractors and other entries above it")
    func rankInRanking() {
        let ranking = [
            Candidate(source: .distractor(0), question: 9, bm25Score: 3, score: 3),
            Candidate(source: .entry(4), question: 7, bm25Score: 2, score: 2),
            Candidate(source: .entry(2), question: 3, bm25Score: 1, score: 1),
        ]
        #expect(RankingMetrics.rank(ofEntry: 2, in: ranking) == 3)
        #expect(RankingMetrics.rank(ofEntry: 4, in: ranking) == 2)
        #expect(RankingMetrics.rank(ofEntry: 0, in: ranking) == nil, "a distractor's index is not an entry's")
    }

    @Test("query times: mean, median and nearest-rank 99th percentile in milliseconds")
    func times() {
        let seconds = (1...100).map { Double($0) / 1000 }   // 1 ms … 100 ms
        let times = QueryTimes(seconds: seconds)
        #expect(abs(times.meanMilliseconds - 50.5) < 1e-9)
        #expect(abs(times.medianMilliseconds - 50) < 1e-9)
        #expect(abs(times.p99Milliseconds - 99) < 1e-9)
        #expect(QueryTimes(seconds: []).p99Milliseconds == 0)
    }
}
