/// A read-only prefix dictionary as a double-array trie over character codes: one transition is two
/// array reads, so walking 「中华人民共和国」 from 「中」 costs a few nanoseconds a character.
///
/// State 0 is the root. From state `s`, code `c` leads to `t = base[s] + c` when `check[t] == c`.
/// Every state with children has a base of its own, so the label alone identifies the parent.
/// `logFrequency[t]` is the natural log of the word's frequency when the path to `t` is a word,
/// and negative when it is only a prefix.
struct DoubleArrayTrie: @unchecked Sendable {
    let base: UnsafeBufferPointer<Int32>
    let check: UnsafeBufferPointer<UInt16>
    let logFrequency: UnsafeBufferPointer<Float>

    /// The check value of a cell no transition leads to.
    static let freeCheck: UInt16 = 0xFFFF
    /// The base of a state without children: every transition from it lands out of bounds.
    static let leafBase: Int32 = -(1 << 30)

    /// The state reached from `state` by `code`, or -1.
    @inline(__always)
    func child(of state: Int32, code: UInt32) -> Int32 {
        let target = Int(base[Int(state)]) &+ Int(code)
        guard UInt(bitPattern: target) < UInt(check.count), UInt32(check[target]) == code else { return -1 }
        return Int32(truncatingIfNeeded: target)
    }

    /// The log frequency of the word ending at `state`, or nil when the path is only a prefix.
    @inline(__always)
    func wordLogFrequency(at state: Int32) -> Float? {
        let value = logFrequency[Int(state)]
        return value >= 0 ? value : nil
    }
}
