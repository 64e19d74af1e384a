extension GRU {
    /// Backpropagation through time: given the loss gradient for every hidden state
    /// (`stateGradients`, `steps × hiddenSize`, same layout as `trace.states`), adds the
    /// parameter gradients to `gradients` and returns the gradient for `inputs`
    /// (`steps × inputSize`).
    ///
    /// - Complexity: about twice the forward pass.
    public func backward(_ inputs: Matrix, trace: GRUTrace, stateGradients: Matrix, gradients: inout GRU) -> Matrix {
        let steps = inputs.rows, hidden = hiddenSize, gateWidth = 3 * hidden, width = inputSize
        precondition(stateGradients.rows == steps && stateGradients.columns == hidden,
                     "state gradients \(stateGradients) for \(steps) steps of width \(hidden)")
        var inputGradients = Matrix(rows: steps, columns: width)
        guard steps > 0, hidden > 0 else { return inputGradients }
        var projectedGradient = [Float](repeating: 0, count: gateWidth)
        var recurrentGradient = [Float](repeating: 0, count: gateWidth)
        var carried = [Float](repeating: 0, count: hidden)
        let zeros = [Float](repeating: 0, count: hidden)
        let reversed = trace.reversed
        inputs.values.withUnsafeBufferPointer { x in
        inputWeights.values.withUnsafeBufferPointer { w in
        recurrentWeights.values.withUnsafeBufferPointer { u in
        stateGradients.values.withUnsafeBufferPointer { upstream in
        trace.states.values.withUnsafeBufferPointer { states in
        trace.gates.withUnsafeBufferPointer { gates in
        trace.candidateRecurrent.withUnsafeBufferPointer { candidateRecurrent in
        zeros.withUnsafeBufferPointer { zeros in
        projectedGradient.withUnsafeMutableBufferPointer { da in
        recurrentGradient.withUnsafeMutableBufferPointer { dr in
        carried.withUnsafeMutableBufferPointer { carried in
        inputGradients.values.withUnsafeMutableBufferPointer { dx in
        gradients.inputWeights.values.withUnsafeMutableBufferPointer { dw in
        gradients.recurrentWeights.values.withUnsafeMutableBufferPointer { du in
        gradients.inputBias.values.withUnsafeMutableBufferPointer { dbi in
        gradients.recurrentBias.values.withUnsafeMutableBufferPointer { dbr in
            for step in stride(from: steps - 1, through: 0, by: -1) {
                let t = reversed ? steps - 1 - step : step
                let before = reversed ? t + 1 : t - 1
                let previous = step > 0 ? UnsafeBufferPointer(rebasing: states[(before * hidden)..<((before + 1) * hidden)]) : zeros
                let p = t * gateWidth, s = t * hidden
                for j in 0..<hidden {
                    let dh = upstream[s + j] + carried[j]
                    let r = gates[p + j], z = gates[p + hidden + j], n = gates[p + 2 * hidden + j]
                    let hn = candidateRecurrent[s + j]
                    let dCandidate = dh * (1 - z) * (1 - n * n)
                    let dUpdate = dh * (previous[j] - n) * z * (1 - z)
                    let dReset = dCandidate * hn * r * (1 - r)
                    da[j] = dReset
                    da[hidden + j] = dUpdate
                    da[2 * hidden + j] = dCandidate
                    dr[j] = dReset
                    dr[hidden + j] = dUpdate
                    dr[2 * hidden + j] = dCandidate * r
                    carried[j] = dh * z
                }
                let input = UnsafeBufferPointer(rebasing: x[(t * width)..<((t + 1) * width)])
                VectorMath.addOuterProduct(input, UnsafeBufferPointer(da), into: dw)
                VectorMath.add(UnsafeBufferPointer(da), dbi)
                VectorMath.matrixTimesVector(w, UnsafeBufferPointer(da),
                                             into: UnsafeMutableBufferPointer(rebasing: dx[(t * width)..<((t + 1) * width)]))
                VectorMath.add(UnsafeBufferPointer(dr), dbr)
                if step > 0 {
                    VectorMath.addOuterProduct(previous, UnsafeBufferPointer(dr), into: du)
                    VectorMath.matrixTimesVector(u, UnsafeBufferPointer(dr), into: carried)
                }
            }
        }}}}}}}}}}}}}}}}
        return inputGradients
    }
}
