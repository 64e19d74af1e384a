/// The 64-bit key of an indexed term: FNV-1a over a field byte and the term's folded scalars,
/// finished with a bit mixer. The word 「发货」 and the character bigram 「发货」 get different keys
/// because their fields differ.
struct TermKey {
    static let wordField: UInt32 = 1
    static let characterField: UInt32 = 2

    private var state: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    init(field: UInt32) { add(field) }

    @inline(__always)
    mutating func add(_ scalar: UInt32) {
        state = (state ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }

    /// The finished key; never 0, which marks an empty slot of a `TermTable`.
    @inline(__always)
    var value: UInt64 {
        var x = state ^ (state >> 31)
        x = x &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return x == 0 ? 1 : x
    }
}
