/// A fast 64-bit checksum over bytes, eight at a time: it guards the binary dictionary against a
/// truncated or corrupted file and records which source texts an image was compiled from.
enum Checksum {
    /// The checksum of `bytes`, continuing from `seed`.
    /// - Complexity: O(n), about a byte per cycle.
    static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0x6B65_6675_6469_6374) -> UInt64 {
        var hash = seed ^ UInt64(bytes.count)
        let words = bytes.count / 8
        for index in 0..<words {
            let word = bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            hash = mix(hash ^ word)
        }
        var tail: UInt64 = 0
        for index in (words * 8)..<bytes.count {
            tail = tail << 8 | UInt64(bytes[index])
        }
        return mix(hash ^ tail)
    }

    static func of(_ bytes: [UInt8], seed: UInt64 = 0x6B65_6675_6469_6374) -> UInt64 {
        bytes.withUnsafeBytes { of($0, seed: seed) }
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        x = x &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 32)
    }
}
