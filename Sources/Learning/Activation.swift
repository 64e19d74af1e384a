/// Element-wise nonlinearities, softmax and log-sum-exp, computed by this module's own `exp`
/// so that results are the same bits on every platform (no dependence on the C library) and
/// loops over arrays vectorise.
public enum Activation {
    /// `eˣ` to within about 2 ulp for `x` in [-87.3, 88.3]; smaller inputs give 0, larger ones
    /// saturate near 2¹²⁷ instead of infinity.
    @inlinable @inline(__always)
    public static func exp(_ x: Float) -> Float {
        let clamped = Swift.min(Swift.max(x, -87.3), 88.3)
        // x = k·ln 2 + r with |r| ≤ ln2 / 2; eˣ = 2ᵏ · eʳ.
        // Adding and removing 1.5·2²³ rounds to the nearest integer without a library call.
        let shifted = clamped * 1.442_695_04 + 12_582_912
        let k = shifted - 12_582_912
        let r = (clamped - k * 0.693_145_75) - k * 1.428_606_8e-6
        // Taylor series of eʳ to degree 7 (truncation error < 6e-9 on |r| ≤ 0.35).
        var p: Float = 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        // k as an integer, read from the mantissa of the shifted value (no trapping conversion).
        let exponent = Int32(bitPattern: shifted.bitPattern &- 0x4B40_0000) &+ 127
        let result = p * Float(bitPattern: UInt32(truncatingIfNeeded: exponent) << 23)
        return x < -87.3 ? 0 : result
    }

    /// The logistic function `1 / (1 + e⁻ˣ)`.
    @inlinable @inline(__always)
    public static func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(-x)) }

    /// The hyperbolic tangent, as `2·σ(2x) − 1` (absolute error below 1e-7).
    @inlinable @inline(__always)
    public static func tanh(_ x: Float) -> Float { 2 / (1 + exp(-2 * x)) - 1 }

    /// `log(x)` for x > 0, by frexp-style reduction and the series of atanh (about 1 ulp).
    @inlinable
    public static func log(_ x: Float) -> Float {
        guard x > 0 else { return x == 0 ? -.infinity : .nan }
        guard x.isFinite else { return x }
        var exponent = Int(x.exponent)
        var mantissa = x.significand  // in [1, 2)
        if mantissa > 1.414_213_56 {
            mantissa *= 0.5
            exponent += 1
        }
        let s = (mantissa - 1) / (mantissa + 1), s2 = s * s
        var series: Float = 1.0 / 9
        series = series * s2 + 1.0 / 7
        series = series * s2 + 1.0 / 5
        series = series * s2 + 1.0 / 3
        series = series * s2 + 1
        return 2 * s * series + Float(exponent) * 0.693_147_18
    }

    /// Replaces every entry by its sigmoid.
    @inlinable
    public static func sigmoid(_ values: UnsafeMutableBufferPointer<Float>) {
        for index in values.indices { values[index] = sigmoid(values[index]) }
    }

    /// Replaces every entry by its tanh.
    @inlinable
    public static func tanh(_ values: UnsafeMutableBufferPointer<Float>) {
        for index in values.indices { values[index] = tanh(values[index]) }
    }

    /// `log Σ eˣ`, stable for large entries (the maximum is taken out first); −∞ when empty.
    @inlinable
    public static func logSumExp(_ values: UnsafeBufferPointer<Float>) -> Float {
        guard var largest = values.first else { return -.infinity }
        for value in values { largest = Swift.max(largest, value) }
        var total: Float = 0
        for value in values { total += exp(value - largest) }
        return largest + log(total)
    }

    /// Turns scores into probabilities in place (`eˣ / Σ eˣ`, the maximum taken out first).
    @inlinable
    public static func softmax(_ values: UnsafeMutableBufferPointer<Float>) {
        guard var largest = values.first else { return }
        for value in values { largest = Swift.max(largest, value) }
        var total: Float = 0
        for index in values.indices {
            let e = exp(values[index] - largest)
            values[index] = e
            total += e
        }
        let inverse = 1 / total
        for index in values.indices { values[index] *= inverse }
    }
}

extension Activation {
    /// `log Σ eˣ` of an array.
    public static func logSumExp(_ values: [Float]) -> Float { values.withUnsafeBufferPointer { logSumExp($0) } }

    /// The softmax of an array.
    public static func softmax(_ values: [Float]) -> [Float] {
        var result = values
        result.withUnsafeMutableBufferPointer { softmax($0) }
        return result
    }
}
