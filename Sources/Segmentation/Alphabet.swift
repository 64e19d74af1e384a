/// Maps folded Unicode scalars to the dense character codes the trie and the HMM are indexed by.
/// Code 0 means "not in the alphabet".
struct Alphabet: @unchecked Sendable {
    /// Codes of the Basic Multilingual Plane, indexed by scalar value.
    let bmpCodes: UnsafeBufferPointer<UInt16>
    /// Scalars above U+FFFF, sorted, with their codes at the same index.
    let supplementaryScalars: UnsafeBufferPointer<UInt32>
    let supplementaryCodes: UnsafeBufferPointer<UInt32>
    /// One more than the largest code.
    let size: Int

    @inline(__always)
    func code(of scalar: UInt32) -> UInt32 {
        if scalar < 0x10000 { return UInt32(bmpCodes[Int(scalar)]) }
        return supplementaryCode(of: scalar)
    }

    private func supplementaryCode(of scalar: UInt32) -> UInt32 {
        var low = 0
        var high = supplementaryScalars.count
        while low < high {
            let middle = (low + high) / 2
            if supplementaryScalars[middle] < scalar { low = middle + 1 } else { high = middle }
        }
        return low < supplementaryScalars.count && supplementaryScalars[low] == scalar ? supplementaryCodes[low] : 0
    }
}
