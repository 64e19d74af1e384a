/// Two GRUs reading a sequence in opposite directions; each step's output is the two states
/// side by side, `[forward | backward]`. A backward layer of hidden size 0 makes it a plain
/// one-directional GRU with the same interface.
public struct BidirectionalGRU: ParameterTensors, Equatable {
    /// Reads the sequence first to last.
    public var forwardLayer: GRU
    /// Reads the sequence last to first (hidden size 0: not used).
    public var backwardLayer: GRU

    public static var tensorPaths: [TensorPath<Self>] { nested("forward", \.forwardLayer) + nested("backward", \.backwardLayer) }

    /// The width of an input step.
    public var inputSize: Int { forwardLayer.inputSize }
    /// The width of an output step: the two hidden sizes added.
    public var outputSize: Int { forwardLayer.hiddenSize + backwardLayer.hiddenSize }

    /// Two freshly initialised layers of `hiddenSize` each, or one if not `bidirectional`.
    public init(inputSize: Int, hiddenSize: Int, bidirectional: Bool, random: inout SeededRandom) {
        forwardLayer = GRU(inputSize: inputSize, hiddenSize: hiddenSize, random: &random)
        backwardLayer = GRU(inputSize: inputSize, hiddenSize: bidirectional ? hiddenSize : 0, random: &random)
    }

    /// A pair of given layers (same input size).
    public init(forwardLayer: GRU, backwardLayer: GRU) {
        precondition(forwardLayer.inputSize == backwardLayer.inputSize, "the two directions read different input widths")
        self.forwardLayer = forwardLayer
        self.backwardLayer = backwardLayer
    }

    /// What `forward` keeps for `backward`.
    public struct Trace: Sendable {
        /// The forward layer's trace.
        public let forward: GRUTrace
        /// The backward layer's trace.
        public let backward: GRUTrace
        /// `steps × outputSize`: each step's two states side by side.
        public let states: Matrix
    }

    /// Runs both directions over `inputs` (`steps × inputSize`).
    public func forward(_ inputs: Matrix) -> Trace {
        let ahead = forwardLayer.forward(inputs)
        guard backwardLayer.hiddenSize > 0 else { return Trace(forward: ahead, backward: backwardLayer.forward(inputs), states: ahead.states) }
        let behind = backwardLayer.forward(inputs, reversed: true)
        return Trace(forward: ahead, backward: behind, states: Self.concatenate(ahead.states, behind.states))
    }

    /// Adds both layers' gradients to `gradients` and returns the gradient for `inputs`.
    public func backward(_ inputs: Matrix, trace: Trace, stateGradients: Matrix, gradients: inout BidirectionalGRU) -> Matrix {
        precondition(stateGradients.rows == inputs.rows && stateGradients.columns == outputSize,
                     "state gradients \(stateGradients) for \(inputs.rows) steps of width \(outputSize)")
        guard backwardLayer.hiddenSize > 0 else {
            return forwardLayer.backward(inputs, trace: trace.forward, stateGradients: stateGradients, gradients: &gradients.forwardLayer)
        }
        let (ahead, behind) = Self.split(stateGradients, at: forwardLayer.hiddenSize)
        var inputGradients = forwardLayer.backward(inputs, trace: trace.forward, stateGradients: ahead, gradients: &gradients.forwardLayer)
        let more = backwardLayer.backward(inputs, trace: trace.backward, stateGradients: behind, gradients: &gradients.backwardLayer)
        more.values.withUnsafeBufferPointer { from in
            inputGradients.values.withUnsafeMutableBufferPointer { to in VectorMath.add(from, to) }
        }
        return inputGradients
    }

    static func concatenate(_ left: Matrix, _ right: Matrix) -> Matrix {
        var values: [Float] = []
        values.reserveCapacity(left.count + right.count)
        for row in 0..<left.rows {
            values.append(contentsOf: left.values[(row * left.columns)..<((row + 1) * left.columns)])
            values.append(contentsOf: right.values[(row * right.columns)..<((row + 1) * right.columns)])
        }
        return Matrix(rows: left.rows, columns: left.columns + right.columns, values: values)
    }

    static func split(_ matrix: Matrix, at column: Int) -> (Matrix, Matrix) {
        var left: [Float] = [], right: [Float] = []
        left.reserveCapacity(matrix.rows * column)
        right.reserveCapacity(matrix.rows * (matrix.columns - column))
        for row in 0..<matrix.rows {
            let start = row * matrix.columns
            left.append(contentsOf: matrix.values[start..<(start + column)])
            right.append(contentsOf: matrix.values[(start + column)..<(start + matrix.columns)])
        }
        return (Matrix(rows: matrix.rows, columns: column, values: left),
                Matrix(rows: matrix.rows, columns: matrix.columns - column, values: right))
    }
}
