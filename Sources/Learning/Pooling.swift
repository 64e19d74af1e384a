/// Parameter-free ways to pool a sequence of states (`steps × width`) into one vector, with
/// their backward passes: simple baselines to compare attention against.
public enum Pooling {
    /// The mean of the rows (zeros for an empty sequence).
    public static func mean(_ states: Matrix) -> [Float] {
        var output = [Float](repeating: 0, count: states.columns)
        guard states.rows > 0 else { return output }
        for row in 0..<states.rows {
            for column in 0..<states.columns { output[column] += states[row, column] }
        }
        let share = 1 / Float(states.rows)
        for column in output.indices { output[column] *= share }
        return output
    }

    /// The gradient for the states of `mean`, given the output's gradient.
    public static func meanBackward(steps: Int, outputGradient: [Float]) -> Matrix {
        var gradients = Matrix(rows: steps, columns: outputGradient.count)
        let share = 1 / Float(Swift.max(steps, 1))
        for row in 0..<steps {
            for column in outputGradient.indices { gradients[row, column] = outputGradient[column] * share }
        }
        return gradients
    }

    /// The largest value of each column, and the row it came from (the first on ties).
    public static func max(_ states: Matrix) -> (output: [Float], rows: [Int]) {
        var output = [Float](repeating: 0, count: states.columns)
        var rows = [Int](repeating: 0, count: states.columns)
        guard states.rows > 0 else { return (output, rows) }
        for column in 0..<states.columns {
            var best = states[0, column], bestRow = 0
            for row in 1..<states.rows where states[row, column] > best {
                best = states[row, column]
                bestRow = row
            }
            output[column] = best
            rows[column] = bestRow
        }
        return (output, rows)
    }

    /// The gradient for the states of `max`: each column's gradient goes to the winning row.
    public static func maxBackward(steps: Int, rows: [Int], outputGradient: [Float]) -> Matrix {
        var gradients = Matrix(rows: steps, columns: outputGradient.count)
        guard steps > 0 else { return gradients }
        for column in outputGradient.indices { gradients[rows[column], column] = outputGradient[column] }
        return gradients
    }
}
