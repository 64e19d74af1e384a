#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Trains a fastText-style classifier (Joulin et al. 2016): the line is the average of the
/// embeddings of its features (words, word bigrams and character n-grams), a linear layer and a
/// softmax give the intent; plain SGD with a linearly decaying rate, one example at a time in a
/// seeded order.
/// - Complexity: O(epochs × examples × (features + classes) × dimension).
struct EmbeddingTrainer: Sendable {
    var dimension = 32
    var epochs = 10
    var learningRate: Float = 0.5

    /// Trains on `rows` (feature indices; values ignored), labels `0..<classCount`.
    /// `losses` receives the mean loss of each epoch.
    func train(rows: SparseRows, labels: [Int32], classCount: Int, featureCount: Int, seed: UInt64,
               losses: inout [Double]) -> EmbeddingClassifier {
        let d = dimension
        var random = SeededRandom(seed: seed, stream: 0xE3B)
        var input = [Float](repeating: 0, count: featureCount * d)
        let limit = 1 / Float(d)
        for index in input.indices { input[index] = random.symmetric(limit) }
        var output = [Float](repeating: 0, count: classCount * d)
        var hidden = [Float](repeating: 0, count: d)
        var gradient = [Float](repeating: 0, count: d)
        var probabilities = [Float](repeating: 0, count: classCount)
        var blocks = (0..<((rows.count + 31) / 32)).map { Int32($0) }
        var order: [Int32] = []
        let totalSteps = Float(max(epochs * rows.count, 1))
        var step: Float = 0
        losses.removeAll()
        for _ in 0..<epochs {
            // Shuffle blocks of 32 neighbouring rows, not single rows: the storage is already in
            // random order, and whole blocks keep memory access sequential.
            random.shuffle(&blocks, count: blocks.count)
            order.removeAll(keepingCapacity: true)
            for block in blocks {
                let first = Int(block) * 32
                for row in first..<min(first + 32, rows.count) { order.append(Int32(row)) }
            }
            var epochLoss = 0.0
            input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
            hidden.withUnsafeMutableBufferPointer { hiddenBuffer in
            gradient.withUnsafeMutableBufferPointer { gradientBuffer in
            probabilities.withUnsafeMutableBufferPointer { probabilityBuffer in
            rows.indices.withUnsafeBufferPointer { indices in
                // Raw pointers: the loops over the dimension run without bounds checks and vectorise.
                guard let inputs = inputBuffer.baseAddress, let outputs = outputBuffer.baseAddress,
                      let hidden = hiddenBuffer.baseAddress, let gradient = gradientBuffer.baseAddress,
                      let probabilities = probabilityBuffer.baseAddress, let indices = indices.baseAddress else { return }
                for row in order {
                    let range = rows.row(Int(row))
                    guard !range.isEmpty else { continue }
                    let rate = learningRate * max(1 - step / totalSteps, 0)
                    step += 1
                    let target = Int(labels[Int(row)])
                    EmbeddingClassifier.average(indices + range.lowerBound, count: range.count, inputs: inputs, dimension: d, into: hidden)
                    EmbeddingClassifier.softmax(hidden, outputs: outputs, dimension: d, classCount: classCount, into: probabilities)
                    epochLoss -= Double(logf(max(probabilities[target], 1e-8)))
                    gradient.update(repeating: 0, count: d)
                    for label in 0..<classCount {
                        let coefficient = rate * ((label == target ? 1 : 0) - probabilities[label])
                        let weights = outputs + label * d
                        for index in 0..<d {
                            gradient[index] += coefficient * weights[index]
                            weights[index] += coefficient * hidden[index]
                        }
                    }
                    let share = 1 / Float(range.count)
                    for index in 0..<d { gradient[index] *= share }
                    for position in range {
                        let embedding = inputs + Int(indices[position]) * d
                        for index in 0..<d { embedding[index] += gradient[index] }
                    }
                }
            }
            }
            }
            }
            }
            }
            losses.append(epochLoss / Double(max(rows.count, 1)))
        }
        return EmbeddingClassifier(dimension: d, classCount: classCount, input: input, output: output)
    }
}
