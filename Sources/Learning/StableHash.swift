/// 64-bit FNV-1a: a stable hash of bytes and scalars, the same on every run and platform
/// (unlike Swift's `Hasher`, which is seeded per process). Used for n-gram buckets, file
/// checksums and model content hashes.
public struct StableHash: Sendable, Equatable {
    /// The hash of everything combined so far.
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    /// Mixes in one byte.
    @inline(__always)
    public mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Mixes in a 32-bit value as four little-endian bytes.
    @inline(__always)
    public mutating func combine(_ word: UInt32) {
        combine(UInt8(truncatingIfNeeded: word))
        combine(UInt8(truncatingIfNeeded: word >> 8))
        combine(UInt8(truncatingIfNeeded: word >> 16))
        combine(UInt8(truncatingIfNeeded: word >> 24))
    }

    /// Mixes in bytes in order.
    public mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes { combine(byte) }
    }

    /// The FNV-1a hash of `bytes`.
    public static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = StableHash()
        hash.combine(bytes: bytes)
        return hash.value
    }
}
