#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A trained fastText-style classifier: feature embeddings (`input`, features × dimension) and
/// the output layer (`output`, classes × dimension).
struct EmbeddingClassifier: Sendable, Equatable {
    var dimension: Int
    var classCount: Int
    var input: [Float]
    var output: [Float]

    /// The log-probability of each class for the line with these feature indices.
    func scores(_ vector: SparseVector) -> [Float] {
        var probabilities = [Float](repeating: 1 / Float(classCount), count: classCount)
        guard vector.count > 0 else { return probabilities.map { logf($0) } }
        var hidden = [Float](repeating: 0, count: dimension)
        input.withUnsafeBufferPointer { inputs in
            output.withUnsafeBufferPointer { outputs in
                Self.average(vector.indices[...], inputs: inputs, dimension: dimension, into: &hidden)
                Self.softmax(hidden, outputs: outputs, dimension: dimension, into: &probabilities)
            }
        }
        return probabilities.map { logf(max($0, 1e-12)) }
    }

    /// The mean of the embeddings of `features`.
    @inline(__always)
    static func average(_ features: ArraySlice<Int32>, inputs: UnsafeBufferPointer<Float>, dimension d: Int, into hidden: inout [Float]) {
        for index in 0..<d { hidden[index] = 0 }
        for feature in features {
            let base = Int(feature) * d
            for index in 0..<d { hidden[index] += inputs[base + index] }
        }
        let share = 1 / Float(max(features.count, 1))
        for index in 0..<d { hidden[index] *= share }
    }

    /// The softmax of `output × hidden`.
    @inline(__always)
    static func softmax(_ hidden: [Float], outputs: UnsafeBufferPointer<Float>, dimension d: Int, into probabilities: inout [Float]) {
        let classes = probabilities.count
        var largest = -Float.infinity
        for label in 0..<classes {
            var sum: Float = 0
            let base = label * d
            for index in 0..<d { sum += outputs[base + index] * hidden[index] }
            probabilities[label] = sum
            largest = max(largest, sum)
        }
        var total: Float = 0
        for label in 0..<classes {
            let value = expf(probabilities[label] - largest)
            probabilities[label] = value
            total += value
        }
        for label in 0..<classes { probabilities[label] /= total }
    }
}
