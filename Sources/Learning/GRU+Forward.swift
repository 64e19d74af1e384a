extension GRU {
    /// Reads `inputs` (`steps × inputSize`, one row per step) and returns the hidden states
    /// with what `backward` needs. `reversed` reads from the last step to the first (the
    /// second half of a bidirectional layer).
    ///
    /// - Complexity: O(steps × hiddenSize × (inputSize + hiddenSize)).
    public func forward(_ inputs: Matrix, reversed: Bool = false) -> GRUTrace {
        precondition(inputs.columns == inputSize, "a GRU over inputs of width \(inputSize) got \(inputs)")
        let steps = inputs.rows, hidden = hiddenSize, gateWidth = 3 * hidden
        var projected = [Float](repeating: 0, count: steps * gateWidth)
        var trace = GRUTrace(reversed: reversed, states: Matrix(rows: steps, columns: hidden),
                             gates: [Float](repeating: 0, count: steps * gateWidth),
                             candidateRecurrent: [Float](repeating: 0, count: steps * hidden))
        guard steps > 0, hidden > 0 else { return trace }
        var recurrent = [Float](repeating: 0, count: gateWidth)
        let zeros = [Float](repeating: 0, count: hidden)
        inputs.values.withUnsafeBufferPointer { x in
        inputWeights.values.withUnsafeBufferPointer { w in
        recurrentWeights.values.withUnsafeBufferPointer { u in
        inputBias.values.withUnsafeBufferPointer { inputBias in
        recurrentBias.values.withUnsafeBufferPointer { recurrentBias in
        projected.withUnsafeMutableBufferPointer { projected in
        recurrent.withUnsafeMutableBufferPointer { recurrent in
        zeros.withUnsafeBufferPointer { zeros in
        trace.states.values.withUnsafeMutableBufferPointer { states in
        trace.gates.withUnsafeMutableBufferPointer { gates in
        trace.candidateRecurrent.withUnsafeMutableBufferPointer { candidateRecurrent in
            let width = inputSize
            for t in 0..<steps {
                let row = UnsafeMutableBufferPointer(rebasing: projected[(t * gateWidth)..<((t + 1) * gateWidth)])
                _ = row.update(fromContentsOf: inputBias)
                VectorMath.vectorTimesMatrix(UnsafeBufferPointer(rebasing: x[(t * width)..<((t + 1) * width)]), w, into: row)
            }
            var previous = zeros
            for step in 0..<steps {
                let t = reversed ? steps - 1 - step : step
                _ = recurrent.update(fromContentsOf: recurrentBias)
                VectorMath.vectorTimesMatrix(previous, u, into: recurrent)
                let p = t * gateWidth, s = t * hidden
                for j in 0..<hidden {
                    let r = Activation.sigmoid(projected[p + j] + recurrent[j])
                    let z = Activation.sigmoid(projected[p + hidden + j] + recurrent[hidden + j])
                    let hn = recurrent[2 * hidden + j]
                    let n = Activation.tanh(projected[p + 2 * hidden + j] + r * hn)
                    gates[p + j] = r
                    gates[p + hidden + j] = z
                    gates[p + 2 * hidden + j] = n
                    candidateRecurrent[s + j] = hn
                    states[s + j] = (1 - z) * n + z * previous[j]
                }
                previous = UnsafeBufferPointer(rebasing: states[s..<(s + hidden)])
            }
        }}}}}}}}}}}
        return trace
    }
}
