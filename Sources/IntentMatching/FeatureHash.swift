/// The 64-bit key of a feature: FNV-1a over a namespace byte and the feature's Unicode scalars,
/// finished with a bit mixer. Keys are stable across machines and runs.
///
/// The word 「退货」, the bigram 「我 想」 and the character gram 「退货」 get three different keys
/// because their namespaces differ.
struct FeatureHash {
    private(set) var value: UInt64

    init(namespace: UInt8) {
        value = 0xCBF2_9CE4_8422_2325
        combine(UInt32(namespace))
    }

    @inline(__always)
    mutating func combine(_ scalar: UInt32) {
        value = (value ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    var finished: UInt64 {
        var x = value ^ (value >> 33)
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        return x ^ (x >> 33)
    }
}
