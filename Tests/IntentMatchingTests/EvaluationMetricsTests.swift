/// Evaluation measures on hand-made prediction lists whose answers were worked out by hand (and
/// agree with scikit-learn's `accuracy_score` and `f1_score(average="macro")`).
import IntentMatching
import Testing

@Suite("Evaluation measures")
struct EvaluationMetricsTests {
    /// gold a a a b b c, predicted a a b b c c.
    static let plain = IntentEvaluation(pairs: [("a", "a"), ("a", "a"), ("a", "b"), ("b", "b"), ("b", "c"), ("c", "c")])

    @Test("accuracy counts exact matches")
    func accuracy() {
        #expect(Self.plain.correctCount == 4)
        #expect(Self.plain.count == 6)
        #expect(abs(Self.plain.accuracy - 4.0 / 6) < 1e-12)
    }

    @Test("per-intent precision, recall, F1 and support", arguments: [
        ("a", 2, 2, 3, 1.0, 2.0 / 3, 0.8),
        ("b", 1, 2, 2, 0.5, 0.5, 0.5),
        ("c", 1, 2, 1, 0.5, 1.0, 2.0 / 3),
    ])
    func perIntent(label: String, truePositives: Int, predicted: Int, support: Int, precision: Double, recall: Double, f1: Double) throws {
        let metrics = try #require(Self.plain.perIntent.first { $0.label == label })
        #expect(metrics.truePositives == truePositives)
        #expect(metrics.predictedCount == predicted)
        #expect(metrics.support == support)
        #expect(abs(metrics.precision - precision) < 1e-12)
        #expect(abs(metrics.recall - recall) < 1e-12)
        #expect(abs(metrics.f1 - f1) < 1e-12)
    }

    @Test("macro-F1 is the unweighted mean over labels")
    func macroF1() {
        #expect(Self.plain.perIntent.map(\.label) == ["a", "b", "c"])
        #expect(abs(Self.plain.macroF1 - (0.8 + 0.5 + 2.0 / 3) / 3) < 1e-12)
        #expect(Self.plain.outOfScope == nil)
    }

    @Test("confused pairs: most frequent first, ties by gold then predicted name")
    func confusedPairs() {
        let evaluation = IntentEvaluation(pairs: [("x", "y"), ("b", "a"), ("x", "y"), ("a", "b"), ("a", "a"), ("x", "a")])
        #expect(evaluation.confusedPairs() == [
            ConfusedPair(gold: "x", predicted: "y", count: 2),
            ConfusedPair(gold: "a", predicted: "b", count: 1),
            ConfusedPair(gold: "b", predicted: "a", count: 1),
            ConfusedPair(gold: "x", predicted: "a", count: 1),
        ])
        #expect(evaluation.confusedPairs(limit: 2).count == 2)
        #expect(evaluation.errors.count == 5)
    }

    @Test("a label predicted but never gold counts in macro-F1 with F1 0")
    func predictedOnlyLabel() throws {
        let evaluation = IntentEvaluation(pairs: [("a", "a"), ("a", "z")])
        let z = try #require(evaluation.perIntent.first { $0.label == "z" })
        #expect(z.support == 0 && z.predictedCount == 1 && z.f1 == 0)
        // a: P 1, R 0.5, F1 2/3; z: 0.
        #expect(abs(evaluation.macroF1 - (2.0 / 3) / 2) < 1e-12)
    }

    /// gold a a b oos oos oos, predicted a nil b nil a oos.
    static let withOutOfScope = IntentEvaluation(
        pairs: [("a", "a"), ("a", nil), ("b", "b"), ("oos", nil), ("oos", "a"), ("oos", "oos")], outOfScopeLabel: "oos")

    @Test("with an out-of-scope label a rejection means the label")
    func outOfScopeAccuracy() throws {
        let evaluation = Self.withOutOfScope
        #expect(evaluation.correctCount == 4)
        #expect(evaluation.perIntent.map(\.label) == ["a", "b", "oos"])
        let oos = try #require(evaluation.perIntent.last)
        #expect(oos.truePositives == 2 && oos.predictedCount == 3 && oos.support == 3)
        // a: P 0.5 R 0.5 F1 0.5; b: 1; oos: 2/3.
        #expect(abs(evaluation.macroF1 - (0.5 + 1 + 2.0 / 3) / 3) < 1e-12)
        #expect(evaluation.confusedPairs() == [ConfusedPair(gold: "a", predicted: "oos", count: 1),
                                               ConfusedPair(gold: "oos", predicted: "a", count: 1)])
    }

    @Test("in-scope accuracy counts rejections wrong; OOS recall counts rejections of OOS lines")
    func inScopeAndRecall() throws {
        let scope = try #require(Self.withOutOfScope.outOfScope)
        #expect(scope.label == "oos")
        #expect(scope.inScopeCount == 3 && scope.inScopeCorrect == 2 && scope.inScopeRejected == 1)
        #expect(scope.outOfScopeCount == 3 && scope.outOfScopeRejected == 2)
        #expect(abs(scope.inScopeAccuracy - 2.0 / 3) < 1e-12)
        #expect(abs(scope.recall - 2.0 / 3) < 1e-12)
        #expect(abs(scope.precision - 2.0 / 3) < 1e-12)
    }

    @Test("without an out-of-scope label a rejection is wrong and no class of its own")
    func rejectionWithoutLabel() throws {
        let evaluation = IntentEvaluation(pairs: [("a", nil), ("b", "b")])
        #expect(evaluation.accuracy == 0.5)
        #expect(evaluation.perIntent.map(\.label) == ["a", "b"])
        #expect(evaluation.macroF1 == 0.5)
        #expect(evaluation.confusion.labels == [IntentEvaluation.noIntent, "a", "b"])
        #expect(evaluation.confusedPairs() == [ConfusedPair(gold: "a", predicted: IntentEvaluation.noIntent, count: 1)])
    }

    @Test("confusion matrix rows are gold, columns predicted")
    func confusionMatrix() throws {
        let matrix = Self.plain.confusion
        #expect(matrix.labels == ["a", "b", "c"])
        #expect(matrix.counts == [2, 1, 0,
                                  0, 1, 1,
                                  0, 0, 1])
        #expect(matrix.rowTotal(0) == 3 && matrix.columnTotal(2) == 2)
    }

    @Test("an empty test set has zero measures, not a crash")
    func empty() {
        let evaluation = IntentEvaluation(outcomes: [], outOfScopeLabel: "oos")
        #expect(evaluation.accuracy == 0 && evaluation.macroF1 == 0)
        #expect(evaluation.outOfScope?.inScopeAccuracy == 0 && evaluation.outOfScope?.recall == 0)
    }
}
