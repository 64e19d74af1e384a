/// Global-norm gradient clipping: if the gradients of a step together have an L2 norm above a
/// limit, all of them are scaled down by the same factor, keeping their direction.
public enum GradientClipping {
    /// The factor to scale gradients by so their global norm is at most `maxNorm`, given the sum
    /// of their squares (1 when already within the limit).
    ///
    /// ```swift
    /// let factor = GradientClipping.factor(maxNorm: 5,
    ///     sumOfSquares: gradients.layers.sumOfSquares + gradients.embedding.sumOfSquares)
    /// gradients.layers.scale(by: factor); gradients.embedding.scale(by: factor)
    /// ```
    public static func factor(maxNorm: Float, sumOfSquares: Double) -> Float {
        let norm = sumOfSquares.squareRoot()
        guard norm > Double(maxNorm), norm.isFinite else { return 1 }
        return Float(Double(maxNorm) / norm)
    }

    /// Clips a list of tensors in place to a global norm of `maxNorm`; returns the norm before.
    @discardableResult
    public static func clip(_ tensors: inout [Matrix], maxNorm: Float) -> Float {
        let sumOfSquares = tensors.reduce(0) { $0 + $1.sumOfSquares }
        let factor = factor(maxNorm: maxNorm, sumOfSquares: sumOfSquares)
        if factor < 1 {
            for index in tensors.indices {
                tensors[index].values.withUnsafeMutableBufferPointer { VectorMath.scale($0, by: factor) }
            }
        }
        return Float(sumOfSquares.squareRoot())
    }

    /// Clips one parameter value's gradients in place; returns the norm before.
    @discardableResult
    public static func clip<Parameters: ParameterTensors>(_ gradients: inout Parameters, maxNorm: Float) -> Float {
        let sumOfSquares = gradients.sumOfSquares
        let factor = factor(maxNorm: maxNorm, sumOfSquares: sumOfSquares)
        if factor < 1 { gradients.scale(by: factor) }
        return Float(sumOfSquares.squareRoot())
    }
}
