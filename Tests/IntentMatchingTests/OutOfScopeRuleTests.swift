@testable import IntentMatching
import Testing

@Suite("Out-of-scope threshold")
struct OutOfScopeRuleTests {
    /// 1,000 in-scope lines classified right, with confidences 0.001 … 1.0.
    static let inScope = (1...1000).map {
        OutOfScopeRule.HeldOutLine(confidence: Float($0) / 1000, isCorrect: true, isOutOfScopeExample: false, isRejectedAnyway: false)
    }

    static func outside(_ confidences: [Float]) -> [OutOfScopeRule.HeldOutLine] {
        confidences.map { OutOfScopeRule.HeldOutLine(confidence: $0, isCorrect: false, isOutOfScopeExample: true, isRejectedAnyway: false) }
    }

    @Test("without out-of-scope examples the threshold spends the budget", arguments: [(0.003, Float(0.004)), (0.01, 0.011), (0, 0.001)])
    func budget(rate: Double, expected: Float) {
        #expect(OutOfScopeRule.tune(Self.inScope, budget: rate).threshold == expected)
    }

    @Test("out-of-scope examples far below the ceiling: stop just above them") func plateau() {
        let rule = OutOfScopeRule.tune(Self.inScope + Self.outside([0.002, 0.003, 0.0025]), budget: 0.01)
        #expect(rule.threshold == Float(0.003).nextUp)
        #expect(rule.threshold < 0.011)
    }

    @Test("out-of-scope examples up to the ceiling and beyond: never above the ceiling") func ceiling() {
        let rule = OutOfScopeRule.tune(Self.inScope + Self.outside([0.002, 0.006, 0.0109, 0.5, 0.9]), budget: 0.01)
        #expect(rule.threshold == Float(0.0109).nextUp)
        // 0.5 is out of reach: catching it would cost half the in-scope lines.
        let beyond = OutOfScopeRule.tune(Self.inScope + Self.outside([0.002, 0.5]), budget: 0.01)
        #expect(beyond.threshold == Float(0.002).nextUp)
    }

    @Test("lines rejected anyway do not move the threshold") func rejectedAnyway() {
        var noise = Self.outside([0.9, 0.95])
        for index in noise.indices { noise[index].isRejectedAnyway = true }
        #expect(OutOfScopeRule.tune(Self.inScope + noise, budget: 0.01).threshold == 0)
    }

    @Test("fold count: 3, 2 for large sets, or as asked (at least 2)",
          arguments: [(nil, 100, 3), (nil, 4_999, 3), (nil, 5_000, 2), (4, 15_000, 4), (1, 100, 2)] as [(Int?, Int, Int)])
    func folds(asked: Int?, examples: Int, expected: Int) {
        #expect(IntentTrainingOptions(folds: asked).foldCount(examples: examples) == expected)
    }
}
