/// The Adam optimiser (Kingma & Ba 2015) with bias correction and optional decoupled weight
/// decay (AdamW: `w −= lr · decay · w`, not applied through the moments).
///
/// The optimiser holds only its settings and the step count; the moment estimates live in an
/// `AdamState` per parameter value, of the same shapes. One training step:
///
/// ```swift
/// adam.beginStep()
/// adam.update(&model.layers, gradients: gradients.layers, state: &layerState)
/// adam.update(&model.embedding.weights, sparse: gradients.embedding, state: &embeddingState)
/// ```
public struct Adam: Sendable, Equatable {
    /// The step size.
    public var learningRate: Float
    /// The decay of the first moment (0.9).
    public var beta1: Float
    /// The decay of the second moment (0.999).
    public var beta2: Float
    /// Added to the root of the second moment (1e-8).
    public var epsilon: Float
    /// Decoupled weight decay per step, relative to the learning rate (0: none).
    public var weightDecay: Float
    /// The number of steps begun so far.
    public private(set) var step = 0

    public init(learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
                weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// Starts a step: call once before the step's `update`s.
    public mutating func beginStep() { step += 1 }

    /// The step size after bias correction, and the second moment's correction.
    private var corrections: (stepSize: Float, secondCorrection: Float) {
        let t = max(step, 1)
        let first = 1 - Self.power(Double(beta1), t), second = 1 - Self.power(Double(beta2), t)
        return (Float(Double(learningRate) / first), Float(1 / second))
    }

    /// `base` to the power `exponent` by repeated squaring (exact steps, no C library).
    static func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0, factor = base, remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result *= factor }
            factor *= factor
            remaining >>= 1
        }
        return result
    }

    /// Updates every tensor of `parameters` from `gradients` (same shapes).
    public func update<Parameters: ParameterTensors>(_ parameters: inout Parameters, gradients: Parameters,
                                                    state: inout AdamState<Parameters>) {
        for tensor in Parameters.tensorPaths {
            update(&parameters[keyPath: tensor.path], gradient: gradients[keyPath: tensor.path],
                   first: &state.first[keyPath: tensor.path], second: &state.second[keyPath: tensor.path])
        }
    }

    /// Updates one tensor from its dense gradient.
    public func update(_ parameter: inout Matrix, gradient: Matrix, first: inout Matrix, second: inout Matrix) {
        precondition(parameter.count == gradient.count && first.count == parameter.count && second.count == parameter.count,
                     "Adam over tensors of different shapes")
        let (stepSize, secondCorrection) = corrections
        let (b1, b2, eps, decay) = (beta1, beta2, epsilon, learningRate * weightDecay)
        parameter.values.withUnsafeMutableBufferPointer { w in
        gradient.values.withUnsafeBufferPointer { g in
        first.values.withUnsafeMutableBufferPointer { m in
        second.values.withUnsafeMutableBufferPointer { v in
            for index in 0..<w.count {
                m[index] = b1 * m[index] + (1 - b1) * g[index]
                v[index] = b2 * v[index] + (1 - b2) * g[index] * g[index]
                w[index] -= stepSize * m[index] / ((v[index] * secondCorrection).squareRoot() + eps) + decay * w[index]
            }
        }}}}
    }

    /// Updates only the rows of `table` that `gradient` touched ("lazy" Adam: rows not used in a
    /// step keep their moments and values). The bias correction uses the global step.
    public func update(_ table: inout Matrix, sparse gradient: SparseRowGradient, first: inout Matrix, second: inout Matrix) {
        precondition(table.rows == gradient.tableRows && table.columns == gradient.dimension
                     && first.count == table.count && second.count == table.count, "Adam over tensors of different shapes")
        let (stepSize, secondCorrection) = corrections
        let (b1, b2, eps, decay) = (beta1, beta2, epsilon, learningRate * weightDecay)
        let width = table.columns
        table.values.withUnsafeMutableBufferPointer { w in
        gradient.values.withUnsafeBufferPointer { g in
        first.values.withUnsafeMutableBufferPointer { m in
        second.values.withUnsafeMutableBufferPointer { v in
            for (slot, row) in gradient.touchedRows.enumerated() {
                let base = Int(row) * width, source = slot * width
                for column in 0..<width {
                    let index = base + column, gradient = g[source + column]
                    m[index] = b1 * m[index] + (1 - b1) * gradient
                    v[index] = b2 * v[index] + (1 - b2) * gradient * gradient
                    w[index] -= stepSize * m[index] / ((v[index] * secondCorrection).squareRoot() + eps) + decay * w[index]
                }
            }
        }}}}
    }
}

/// Adam's first and second moment estimates for one parameter value, of the same shapes.
public struct AdamState<Parameters: ParameterTensors>: Sendable {
    /// The running mean of the gradients.
    public var first: Parameters
    /// The running mean of the squared gradients.
    public var second: Parameters

    /// Zero moments shaped like `parameters`.
    public init(like parameters: Parameters) {
        first = parameters.zeroed()
        second = parameters.zeroed()
    }
}

extension AdamState: Equatable where Parameters: Equatable {}
