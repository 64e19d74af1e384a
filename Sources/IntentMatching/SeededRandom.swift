/// A small deterministic random number generator (SplitMix64): the same seed gives the same
/// numbers on every machine, so training is reproducible bit for bit.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64, stream: UInt64 = 0) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 ^ (stream &+ 0x632B_E59B_D9B4_E019) &* 0xD1B5_4A32_D192_ED03
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (bound > 0), by multiply-shift.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int((UInt64(truncatingIfNeeded: next() >> 32) &* UInt64(bound)) >> 32)
    }

    /// A uniform Float in `[-limit, limit)`.
    @inline(__always)
    mutating func symmetric(_ limit: Float) -> Float {
        let unit = Float(next() >> 40) / Float(1 << 24)
        return (unit * 2 - 1) * limit
    }

    /// Shuffles `values[0..<count]` in place (Fisher–Yates), deterministically.
    mutating func shuffle(_ values: inout [Int32], count: Int) {
        guard count > 1 else { return }
        for index in stride(from: count - 1, to: 0, by: -1) {
            let other = below(index + 1)
            values.swapAt(index, other)
        }
    }
}
