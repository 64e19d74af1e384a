import ChatCore

extension IntentEvaluationReport {
    /// The one object `kefu eval intents --json` prints: the headline figures and counts.
    ///
    /// `{"accuracy":0.93,"macro_f1":0.91,"train_seconds":1.2,"predict_us_per_query":21.5,
    /// "model_hash":"…",…}`, plus `in_scope_accuracy`, `oos_recall` and their counts with an
    /// out-of-scope label.
    public var summaryJSON: JSONValue {
        let evaluation = self.evaluation
        var members: [JSONValue.Member] = [
            .init("accuracy", .number(evaluation.accuracy)),
            .init("macro_f1", .number(evaluation.macroF1)),
            .init("train_seconds", .number(Self.rounded(trainSeconds, digits: 4))),
            .init("predict_us_per_query", .number(Self.rounded(predictMicrosecondsPerQuery, digits: 3))),
            .init("model_hash", .string(modelHash)),
            .init("test_count", .number(Double(evaluation.count))),
            .init("correct_count", .number(Double(evaluation.correctCount))),
            .init("train_count", .number(Double(trainCount))),
            .init("intent_count", .number(Double(intents.count))),
            .init("seed", .number(Double(seed))),
            .init("train_file", .string(trainFile)),
            .init("test_file", .string(testFile)),
            .init("oos_label", .string(evaluation.outOfScopeLabel)),
        ]
        if let scope = evaluation.outOfScope {
            members += [
                .init("in_scope_accuracy", .number(scope.inScopeAccuracy)),
                .init("oos_recall", .number(scope.recall)),
                .init("oos_precision", .number(scope.precision)),
                .init("in_scope_count", .number(Double(scope.inScopeCount))),
                .init("in_scope_correct", .number(Double(scope.inScopeCorrect))),
                .init("in_scope_rejected", .number(Double(scope.inScopeRejected))),
                .init("oos_count", .number(Double(scope.outOfScopeCount))),
                .init("oos_rejected", .number(Double(scope.outOfScopeRejected))),
            ]
        }
        return .object(members)
    }

    /// `report.json`: the summary, then per-label metrics, every confused pair and the non-zero
    /// cells of the confusion matrix, and the intents the model knows.
    public var fullJSON: JSONValue {
        guard case .object(var members) = summaryJSON else { return summaryJSON }
        members.append(.init("per_intent", .array(evaluation.perIntent.map { metrics in
            .object([
                "label": .string(metrics.label), "precision": .number(metrics.precision), "recall": .number(metrics.recall),
                "f1": .number(metrics.f1), "support": .number(Double(metrics.support)),
                "predicted": .number(Double(metrics.predictedCount)), "correct": .number(Double(metrics.truePositives)),
            ])
        })))
        members.append(.init("confused_pairs", .array(evaluation.confusedPairs().map(Self.json))))
        let matrix = evaluation.confusion
        var cells: [JSONValue] = []
        for row in matrix.labels.indices {
            for column in matrix.labels.indices where matrix.count(gold: row, predicted: column) > 0 {
                cells.append(Self.json(ConfusedPair(gold: matrix.labels[row], predicted: matrix.labels[column],
                                                    count: matrix.count(gold: row, predicted: column))))
            }
        }
        members.append(.init("confusion", .object([
            "labels": .array(matrix.labels.map { .string($0) }), "cells": .array(cells),
        ])))
        members.append(.init("intents", .array(intents.map { .string($0) })))
        return .object(members)
    }

    private static func json(_ pair: ConfusedPair) -> JSONValue {
        .object(["gold": .string(pair.gold), "predicted": .string(pair.predicted), "count": .number(Double(pair.count))])
    }

    private static func rounded(_ value: Double, digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
