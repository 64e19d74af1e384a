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
        let d = dimension, classes = classCount
        withUnsafeTemporaryAllocation(of: Float.self, capacity: d) { hiddenBuffer in
            input.withUnsafeBufferPointer { inputs in
            output.withUnsafeBufferPointer { outputs in
            vector.indices.withUnsafeBufferPointer { indices in
            probabilities.withUnsafeMutableBufferPointer { out in
                guard let hidden = hiddenBuffer.baseAddress, let inputs = inputs.baseAddress, let outputs = outputs.baseAddress,
                      let indices = indices.baseAddress, let out = out.baseAddress else { return }
                Self.average(indices, count: vector.count, inputs: inputs, dimension: d, into: hidden)
                Self.softmax(hidden, outputs: outputs, dimension: d, classCount: classes, into: out)
                for label in 0..<classes { out[label] = logf(max(out[label], 1e-12)) }
            }
            }
            }
            }
        }
        return probabilities
    }

    /// The mean of the embeddings of the `count` features at `features`.
    @inline(__always)
    static func average(_ features: UnsafePointer<Int32>, count: Int, inputs: UnsafePointer<Float>, dimension d: Int,
                        into hidden: UnsafeMutablePointer<Float>) {
        hidden.update(repeating: 0, count: d)
        for position in 0..<count {
            let embedding = inputs + Int(features[position]) * d
            for index in 0..<d { hidden[index] += embedding[index] }
        }
        let share = 1 / Float(max(count, 1))
        for index in 0..<d { hidden[index] *= share }
    }

    /// The softmax of `output × hidden` into `probabilities[0..<classCount]`.
    @inline(__always)
    static func softmax(_ hidden: UnsafePointer<Float>, outputs: UnsafePointer<Float>, dimension d: Int, classCount classes: Int,
                        into probabilities: UnsafeMutablePointer<Float>) {
        var largest = -Float.infinity
        for label in 0..<classes {
            let weights = outputs + label * d
            var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
            var index = 0
            while index + 4 <= d {
                s0 += weights[index] * hidden[index]
                s1 += weights[index + 1] * hidden[index + 1]
                s2 += weights[index + 2] * hidden[index + 2]
                s3 += weights[index + 3] * hidden[index + 3]
                index += 4
            }
            while index < d { s0 += weights[index] * hidden[index]; index += 1 }
            let sum = (s0 + s1) + (s2 + s3)
            probabilities[label] = sum
            largest = max(largest, sum)
        }
        var total: Float = 0
        for label in 0..<classes {
            let value = expf(probabilities[label] - largest)
            probabilities[label] = value
            total += value
        }
        let inverse = 1 / total
        for label in 0..<classes { probabilities[label] *= inverse }
    }
}
