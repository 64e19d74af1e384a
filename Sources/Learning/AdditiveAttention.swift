/// Additive (Bahdanau-style) attention pooling: a sequence of states becomes one vector, the
/// states weighted by how well each matches a learned context vector.
///
/// ```
/// u_t = tanh(h_t·W + b)       (W: inputSize × attentionSize)
/// s_t = u_t · v               (v: the context, 1 × attentionSize)
/// α   = softmax(s)            over the steps
/// out = Σ_t α_t h_t
/// ```
///
/// The weights `α` are returned in the trace, so a caller can show which words mattered.
public struct AdditiveAttention: ParameterTensors, Equatable {
    /// `inputSize × attentionSize`.
    public var weights: Matrix
    /// `1 × attentionSize`.
    public var bias: Matrix
    /// `1 × attentionSize`: the vector `v` scores are measured against.
    public var context: Matrix

    public static var tensorPaths: [TensorPath<Self>] {
        [TensorPath("weights", \.weights), TensorPath("bias", \.bias), TensorPath("context", \.context)]
    }

    /// The width of a state (and of the output).
    public var inputSize: Int { weights.rows }
    /// The width of the scoring layer.
    public var attentionSize: Int { weights.columns }

    /// Xavier-uniform `W` and `v`, zero bias.
    public init(inputSize: Int, attentionSize: Int, random: inout SeededRandom) {
        self.init(weights: .xavier(rows: inputSize, columns: attentionSize, random: &random),
                  bias: Matrix(rows: 1, columns: attentionSize),
                  context: .xavier(rows: 1, columns: attentionSize, random: &random))
    }

    /// Attention over given tensors.
    public init(weights: Matrix, bias: Matrix, context: Matrix) {
        precondition(bias.rows == 1 && bias.columns == weights.columns && context.rows == 1 && context.columns == weights.columns,
                     "attention tensors of inconsistent shapes")
        self.weights = weights
        self.bias = bias
        self.context = context
    }

    /// What `forward` keeps for `backward`.
    public struct Trace: Sendable {
        /// The pooled vector (`inputSize`; zeros for an empty sequence).
        public let output: [Float]
        /// The weight of each step, summing to 1.
        public let attention: [Float]
        /// `steps × attentionSize`: `u_t`.
        let hidden: Matrix
    }

    /// Pools `states` (`steps × inputSize`).
    ///
    /// - Complexity: O(steps × inputSize × attentionSize).
    public func forward(_ states: Matrix) -> Trace {
        precondition(states.columns == inputSize, "attention over states of width \(inputSize) got \(states)")
        let steps = states.rows, width = inputSize, size = attentionSize
        var hidden = Matrix(rows: steps, columns: size)
        var scores = [Float](repeating: 0, count: steps)
        var output = [Float](repeating: 0, count: width)
        states.values.withUnsafeBufferPointer { h in
        weights.values.withUnsafeBufferPointer { w in
        hidden.values.withUnsafeMutableBufferPointer { u in
        output.withUnsafeMutableBufferPointer { output in
            for t in 0..<steps {
                let row = UnsafeMutableBufferPointer(rebasing: u[(t * size)..<((t + 1) * size)])
                _ = bias.values.withUnsafeBufferPointer { row.update(fromContentsOf: $0) }
                VectorMath.vectorTimesMatrix(UnsafeBufferPointer(rebasing: h[(t * width)..<((t + 1) * width)]), w, into: row)
                Activation.tanh(row)
                scores[t] = context.values.withUnsafeBufferPointer { VectorMath.dot(UnsafeBufferPointer(row), $0) }
            }
            scores.withUnsafeMutableBufferPointer { Activation.softmax($0) }
            for t in 0..<steps {
                VectorMath.axpy(scores[t], UnsafeBufferPointer(rebasing: h[(t * width)..<((t + 1) * width)]), output)
            }
        }}}}
        return Trace(output: output, attention: scores, hidden: hidden)
    }

    /// Adds the parameter gradients to `gradients` and returns the gradient for `states`,
    /// given the gradient of the pooled output.
    public func backward(_ states: Matrix, trace: Trace, outputGradient: [Float], gradients: inout AdditiveAttention) -> Matrix {
        precondition(outputGradient.count == inputSize, "an output gradient of \(outputGradient.count) for width \(inputSize)")
        let steps = states.rows, width = inputSize, size = attentionSize
        var stateGradients = Matrix(rows: steps, columns: width)
        guard steps > 0 else { return stateGradients }
        let alpha = trace.attention
        var scoreGradients = [Float](repeating: 0, count: steps)
        var preActivation = [Float](repeating: 0, count: size)
        states.values.withUnsafeBufferPointer { h in
        outputGradient.withUnsafeBufferPointer { g in
        trace.hidden.values.withUnsafeBufferPointer { u in
        weights.values.withUnsafeBufferPointer { w in
        context.values.withUnsafeBufferPointer { v in
        stateGradients.values.withUnsafeMutableBufferPointer { dh in
        preActivation.withUnsafeMutableBufferPointer { da in
        gradients.weights.values.withUnsafeMutableBufferPointer { dw in
        gradients.bias.values.withUnsafeMutableBufferPointer { db in
        gradients.context.values.withUnsafeMutableBufferPointer { dv in
            // out = Σ α_t h_t: dα_t = g·h_t, and h_t receives α_t g directly.
            var expected: Float = 0
            for t in 0..<steps {
                let state = UnsafeBufferPointer(rebasing: h[(t * width)..<((t + 1) * width)])
                scoreGradients[t] = VectorMath.dot(g, state)
                expected += alpha[t] * scoreGradients[t]
                VectorMath.axpy(alpha[t], g, UnsafeMutableBufferPointer(rebasing: dh[(t * width)..<((t + 1) * width)]))
            }
            for t in 0..<steps {
                // Through the softmax, then s_t = u_t·v and u_t = tanh(h_t W + b).
                let ds = alpha[t] * (scoreGradients[t] - expected)
                let ut = UnsafeBufferPointer(rebasing: u[(t * size)..<((t + 1) * size)])
                VectorMath.axpy(ds, ut, dv)
                for k in 0..<size { da[k] = ds * v[k] * (1 - ut[k] * ut[k]) }
                let state = UnsafeBufferPointer(rebasing: h[(t * width)..<((t + 1) * width)])
                VectorMath.addOuterProduct(state, UnsafeBufferPointer(da), into: dw)
                VectorMath.add(UnsafeBufferPointer(da), db)
                VectorMath.matrixTimesVector(w, UnsafeBufferPointer(da),
                                             into: UnsafeMutableBufferPointer(rebasing: dh[(t * width)..<((t + 1) * width)]))
            }
        }}}}}}}}}}
        return stateGradients
    }
}
