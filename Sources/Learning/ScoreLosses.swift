/// The hinge (margin) ranking loss: a positive's score should beat its negative's by `margin`.
///
/// For pairs of scores: `mean max(0, margin − s⁺ + s⁻)`.
public struct MarginRankingLoss: Sendable, Equatable {
    /// How far the positive must lead.
    public var margin: Float

    public init(margin: Float = 0.2) { self.margin = margin }

    /// The mean loss and the gradients for each positive and negative score.
    public func evaluate(positiveScores: [Float], negativeScores: [Float])
        -> (loss: Float, positiveGradients: [Float], negativeGradients: [Float]) {
        precondition(positiveScores.count == negativeScores.count, "one negative per positive")
        let count = Float(max(positiveScores.count, 1))
        var loss: Float = 0
        var positive = [Float](repeating: 0, count: positiveScores.count), negative = positive
        for index in positiveScores.indices {
            let violation = margin - positiveScores[index] + negativeScores[index]
            guard violation > 0 else { continue }
            loss += violation
            positive[index] = -1 / count
            negative[index] = 1 / count
        }
        return (loss / count, positive, negative)
    }
}

/// Binary logistic loss for scores of pairs labelled 1 (match) or 0 (no match): the mean of
/// `−y·log σ(s) − (1 − y)·log(1 − σ(s))`, computed stably as `max(s, 0) − s·y + log(1 + e^−|s|)`.
public struct LogisticLoss: Sendable, Equatable {
    public init() {}

    /// The mean loss and the gradient for each score (`(σ(s) − y) / n`).
    public func evaluate(scores: [Float], labels: [Float]) -> (loss: Float, gradients: [Float]) {
        precondition(scores.count == labels.count, "one label per score")
        let count = Float(max(scores.count, 1))
        var loss: Float = 0
        var gradients = [Float](repeating: 0, count: scores.count)
        for index in scores.indices {
            let s = scores[index], y = labels[index]
            loss += max(s, 0) - s * y + Activation.log(1 + Activation.exp(-abs(s)))
            gradients[index] = (Activation.sigmoid(s) - y) / count
        }
        return (loss / count, gradients)
    }
}
