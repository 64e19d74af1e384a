/// A stable 64-bit key for a piece of text in a namespace: FNV-1a over the namespace and the
/// text's Unicode scalars, finished with a bit mixer. The same on every run and machine (unlike
/// Swift's `Hasher`), and never 0, which open-addressing tables use for an empty slot.
///
/// The word 「退货」 and the character bigram 「退货」 get different keys because their namespaces
/// differ. Used for intent features and for retrieval terms.
public struct TextKey: Sendable {
    @usableFromInline var state: UInt64

    @inlinable
    public init(namespace: UInt32) {
        state = 0xCBF2_9CE4_8422_2325
        combine(namespace)
    }

    /// Mixes in one scalar (or any 32-bit value).
    @inlinable
    public mutating func combine(_ scalar: UInt32) {
        state = (state ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }

    /// The finished key.
    @inlinable
    public var value: UInt64 {
        var x = state ^ (state >> 33)
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x == 0 ? 1 : x
    }
}
