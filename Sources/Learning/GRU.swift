/// One gated recurrent unit layer (Cho et al. 2014, in the form cuDNN and PyTorch use):
///
/// ```
/// r = σ(x·W_r + b_r + h·U_r + c_r)               reset gate
/// z = σ(x·W_z + b_z + h·U_z + c_z)               update gate
/// n = tanh(x·W_n + b_n + r ⊙ (h·U_n + c_n))      candidate
/// h' = (1 − z) ⊙ n + z ⊙ h                        the initial h is zero
/// ```
///
/// Weights are stored `inputs × outputs` with the three gates side by side in the order
/// reset | update | candidate, so one product `x·W` (and one `h·U`) serves all three.
/// The value is immutable during inference and safe to share between threads; `forward`
/// returns a `GRUTrace` the caller owns, which `backward` reads. A `GRU` value also serves as
/// its own gradient (`zeroed()`), with the same shapes.
public struct GRU: ParameterTensors, Equatable {
    /// `inputSize × 3·hiddenSize`.
    public var inputWeights: Matrix
    /// `hiddenSize × 3·hiddenSize`.
    public var recurrentWeights: Matrix
    /// `1 × 3·hiddenSize`, added to `x·W`.
    public var inputBias: Matrix
    /// `1 × 3·hiddenSize`, added to `h·U` (the candidate's part is gated by r).
    public var recurrentBias: Matrix

    public static var tensorPaths: [TensorPath<Self>] {
        [TensorPath("inputWeights", \.inputWeights), TensorPath("recurrentWeights", \.recurrentWeights),
         TensorPath("inputBias", \.inputBias), TensorPath("recurrentBias", \.recurrentBias)]
    }

    /// The width of an input step.
    public var inputSize: Int { inputWeights.rows }
    /// The width of the hidden state (0 makes a layer that outputs nothing).
    public var hiddenSize: Int { recurrentWeights.rows }

    /// A layer with Xavier-uniform weights (per gate) and zero biases.
    public init(inputSize: Int, hiddenSize: Int, random: inout SeededRandom) {
        let gates = 3 * hiddenSize
        let inputLimit = (6 / Float(max(inputSize + hiddenSize, 1))).squareRoot()
        let recurrentLimit = (3 / Float(max(hiddenSize, 1))).squareRoot()
        self.init(inputWeights: .uniform(rows: inputSize, columns: gates, limit: inputLimit, random: &random),
                  recurrentWeights: .uniform(rows: hiddenSize, columns: gates, limit: recurrentLimit, random: &random),
                  inputBias: Matrix(rows: 1, columns: gates), recurrentBias: Matrix(rows: 1, columns: gates))
    }

    /// A layer over given tensors (shapes as documented on the properties).
    public init(inputWeights: Matrix, recurrentWeights: Matrix, inputBias: Matrix, recurrentBias: Matrix) {
        let gates = 3 * recurrentWeights.rows
        precondition(recurrentWeights.columns == gates && inputWeights.columns == gates
                     && inputBias.rows == 1 && inputBias.columns == gates
                     && recurrentBias.rows == 1 && recurrentBias.columns == gates,
                     "GRU tensors of inconsistent shapes")
        self.inputWeights = inputWeights
        self.recurrentWeights = recurrentWeights
        self.inputBias = inputBias
        self.recurrentBias = recurrentBias
    }
}

/// What a GRU's forward pass over one sequence keeps for the backward pass: the hidden states
/// (the layer's output) and the gate activations.
public struct GRUTrace: Sendable {
    /// Whether the sequence was read from the last step to the first.
    public let reversed: Bool
    /// `steps × hiddenSize`: row `t` is the state after reading step `t` (rows stay in the
    /// input's order when `reversed`).
    public internal(set) var states: Matrix
    /// `steps × 3·hiddenSize`: r, z, n after their activations.
    var gates: [Float]
    /// `steps × hiddenSize`: `h·U_n + c_n`, before the reset gate.
    var candidateRecurrent: [Float]
}
