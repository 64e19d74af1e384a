#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small, fast, deterministic random number generator (xoshiro256**, seeded through
/// SplitMix64): the same seed and stream give the same numbers on every platform and every run,
/// so training is reproducible bit for bit.
///
/// Use `stream` to derive independent generators from one seed (for example one per thread, or
/// one for initialisation and one for shuffling), rather than sharing one generator.
public struct SeededRandom: RandomNumberGenerator, Sendable, Equatable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator for `seed`; different `stream`s give unrelated sequences.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        s0 = Self.splitMix(&mixer)
        s1 = Self.splitMix(&mixer)
        s2 = Self.splitMix(&mixer)
        s3 = Self.splitMix(&mixer)
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform integer in `0..<bound` (`bound > 0`), without bias (Lemire's method).
    public mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "int(below:) needs a positive bound, got \(bound)")
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold { product = next().multipliedFullWidth(by: limit) }
        }
        return Int(product.high)
    }

    /// A uniform `Float` in `[0, 1)` (24 random bits).
    public mutating func unit() -> Float { Float(next() >> 40) * (1.0 / 16_777_216) }

    /// A uniform `Float` in `[-limit, limit)`.
    public mutating func symmetric(_ limit: Float) -> Float { (unit() * 2 - 1) * limit }

    /// A normal deviate with the given mean and standard deviation (Box–Muller in `Double`,
    /// rounded to `Float`).
    public mutating func normal(mean: Float = 0, standardDeviation: Float = 1) -> Float {
        let u1 = (Double(next() >> 11) + 1) * 0x1.0p-53  // (0, 1]
        let u2 = Double(next() >> 11) * 0x1.0p-53
        let z = (-2 * Glibc_log(u1)).squareRoot() * Glibc_cos(2 * Double.pi * u2)
        return mean + standardDeviation * Float(z)
    }

    /// Shuffles `values` in place (Fisher–Yates), the same way for the same generator state.
    public mutating func shuffle<Element>(_ values: inout [Element]) {
        guard values.count > 1 else { return }
        for index in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(index, int(below: index + 1))
        }
    }

    /// `0..<count` in a random order.
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        shuffle(&order)
        return order
    }
}

@inline(__always) private func Glibc_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func Glibc_cos(_ x: Double) -> Double { cos(x) }
