/// Cosine similarity of two vectors and its gradient. A vector shorter than `1e-12` counts as
/// having that length, so zeros give similarity 0 and finite gradients.
public enum CosineSimilarity {
    /// The smallest length a vector is divided by.
    public static let minimumLength: Float = 1e-12

    /// `a·b / (|a| |b|)`.
    public static func forward(_ a: [Float], _ b: [Float]) -> Float {
        VectorMath.dot(normalized(a).unit, normalized(b).unit)
    }

    /// The gradients of `forward(a, b)` times `gradient`, for `a` and `b`.
    public static func backward(_ a: [Float], _ b: [Float], gradient: Float) -> (a: [Float], b: [Float]) {
        let (unitA, lengthA) = normalized(a), (unitB, lengthB) = normalized(b)
        var da = unitB, db = unitA
        for index in da.indices {
            da[index] *= gradient
            db[index] *= gradient
        }
        return (normalizationBackward(unit: unitA, length: lengthA, gradient: da),
                normalizationBackward(unit: unitB, length: lengthB, gradient: db))
    }

    /// `v / |v|` and `|v|`.
    public static func normalized(_ vector: [Float]) -> (unit: [Float], length: Float) {
        let length = Swift.max(Float(VectorMath.dot(vector, vector).squareRoot()), minimumLength)
        let inverse = 1 / length
        return (vector.map { $0 * inverse }, length)
    }

    /// The gradient for `v` given the gradient for `v / |v|`: `(g − (g·û) û) / |v|`.
    public static func normalizationBackward(unit: [Float], length: Float, gradient: [Float]) -> [Float] {
        let along = VectorMath.dot(gradient, unit)
        var result = gradient
        for index in result.indices { result[index] = (gradient[index] - along * unit[index]) / length }
        return result
    }
}
