#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calibrated combination of the two classifiers: softmax(a × linear margins + b × embedding
/// log-probabilities). `a` and `b` fold in each model's temperature, the mixing weight chosen for
/// held-out accuracy, and a final temperature fitted for held-out log-loss, so the confidences
/// mean what they say (of lines given 0.8, about 80 % are right).
struct ScoreCombination: Sendable, Equatable {
    var linearScale: Float
    var embeddingScale: Float
    /// The weight of the linear model in the mix (0…1), for reports.
    var linearWeight: Float

    /// Calibrated probabilities from both models' raw scores.
    func probabilities(linear: [Float], embedding: [Float]) -> [Float] {
        var logits = [Float](repeating: 0, count: linear.count)
        for index in logits.indices { logits[index] = linearScale * linear[index] + embeddingScale * embedding[index] }
        return Self.softmax(logits)
    }

    static func softmax(_ logits: [Float]) -> [Float] {
        let largest = logits.max() ?? 0
        var values = logits.map { expf($0 - largest) }
        let total = values.reduce(0, +)
        for index in values.indices { values[index] /= total }
        return values
    }

    /// Fits the combination on held-out scores (`linear[i]`, `embedding[i]` for example i with
    /// class `labels[i]`).
    /// - Complexity: O(examples × classes × (weights + search steps)).
    static func fit(linear: [[Float]], embedding: [[Float]], labels: [Int32]) -> ScoreCombination {
        let linearInverse = inverseTemperature(linear, embedding, 1, 0, labels)
        let embeddingInverse = inverseTemperature(linear, embedding, 0, 1, labels)
        var best = (weight: Float(1), accuracy: -1, loss: Double.infinity)
        for step in 0...10 {
            let weight = Float(step) / 10
            let a = weight * linearInverse, b = (1 - weight) * embeddingInverse
            var correct = 0
            for row in labels.indices {
                var top = 0
                var topScore = -Float.infinity
                for label in linear[row].indices {
                    let score = a * linear[row][label] + b * embedding[row][label]
                    if score > topScore { topScore = score; top = label }
                }
                if top == Int(labels[row]) { correct += 1 }
            }
            if correct > best.accuracy {
                best = (weight, correct, .infinity)
            } else if correct == best.accuracy {
                if best.loss == .infinity {
                    let bestA = best.weight * linearInverse, bestB = (1 - best.weight) * embeddingInverse
                    best.loss = negativeLogLikelihood(linear, embedding, bestA, bestB, labels)
                }
                let loss = negativeLogLikelihood(linear, embedding, a, b, labels)
                if loss < best.loss { best = (weight, correct, loss) }
            }
        }
        let a = best.weight * linearInverse, b = (1 - best.weight) * embeddingInverse
        let final = inverseTemperature(linear, embedding, a, b, labels)
        return ScoreCombination(linearScale: a * final, embeddingScale: b * final, linearWeight: best.weight)
    }

    /// The scale s minimising the held-out log-loss of softmax(s × (a × linear + b × embedding)),
    /// by golden-section search on ln s.
    static func inverseTemperature(_ linear: [[Float]], _ embedding: [[Float]], _ a: Float, _ b: Float, _ labels: [Int32]) -> Float {
        guard !labels.isEmpty else { return 1 }
        var low = -4.0, high = 6.0
        let ratio = (5.0.squareRoot() - 1) / 2
        func loss(_ logScale: Double) -> Double {
            let scale = Float(exp(logScale))
            return negativeLogLikelihood(linear, embedding, a * scale, b * scale, labels)
        }
        var left = high - ratio * (high - low), right = low + ratio * (high - low)
        var leftLoss = loss(left), rightLoss = loss(right)
        for _ in 0..<16 {
            if leftLoss < rightLoss {
                high = right; right = left; rightLoss = leftLoss
                left = high - ratio * (high - low); leftLoss = loss(left)
            } else {
                low = left; left = right; leftLoss = rightLoss
                right = low + ratio * (high - low); rightLoss = loss(right)
            }
        }
        return Float(exp((low + high) / 2))
    }

    /// The mean held-out log-loss of softmax(a × linear + b × embedding), summed over a fixed
    /// number of row chunks on all cores (the chunks, not the threads, fix the order of the sums).
    static func negativeLogLikelihood(_ linear: [[Float]], _ embedding: [[Float]], _ a: Float, _ b: Float, _ labels: [Int32]) -> Double {
        let chunks = min(8, labels.count)
        guard chunks > 0 else { return 0 }
        let count = labels.count
        let parts = ParallelTasks.run(count: chunks) { chunk -> Double in
            var total = 0.0
            for row in (chunk * count / chunks)..<((chunk + 1) * count / chunks) {
                total += lineLoss(linear[row], embedding[row], a, b, Int(labels[row]))
            }
            return total
        }
        return parts.reduce(0, +) / Double(count)
    }

    /// One line's log-loss.
    @inline(__always)
    static func lineLoss(_ l: [Float], _ e: [Float], _ a: Float, _ b: Float, _ target: Int) -> Double {
        l.withUnsafeBufferPointer { l in
            e.withUnsafeBufferPointer { e in
                var largest = -Float.infinity
                for label in l.indices { largest = max(largest, a * l[label] + b * e[label]) }
                var sum: Float = 0
                for label in l.indices { sum += expf(a * l[label] + b * e[label] - largest) }
                return Double(logf(sum)) - Double(a * l[target] + b * e[target] - largest)
            }
        }
    }
}
