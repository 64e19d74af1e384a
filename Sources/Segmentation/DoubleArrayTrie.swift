/// A read-only prefix dictionary as a double-array trie over character codes: one transition is
/// one 8-byte cell read, so walking 「中华人民共和国」 from 「中」 costs a few nanoseconds a character.
///
/// State 0 is the root. From state `s`, code `c` leads to `t = base(s) + c` when `check(t) == c`.
/// Every state with children has a base of its own, so the label alone identifies the parent.
/// A cell packs base (Int32, low bits), check (UInt16) and the word's log frequency in fixed
/// point (UInt16, high bits; `notAWord` when the path is only a prefix).
struct DoubleArrayTrie: @unchecked Sendable {
    let cells: UnsafeBufferPointer<UInt64>

    /// The check value of a cell no transition leads to.
    static let freeCheck: UInt16 = 0xFFFF
    /// The base of a state without children: every transition from it lands out of bounds.
    static let leafBase: Int32 = -(1 << 30)
    /// The stored log frequency of a state that is only a prefix.
    static let notAWord: UInt16 = 0xFFFF
    /// Log frequencies are stored as `value × scale`, rounded: steps of 1/4096 up to log 16.
    static let logFrequencyScale: Float = 4096

    @inline(__always)
    static func cell(base: Int32, check: UInt16, logFrequency: UInt16) -> UInt64 {
        UInt64(UInt32(bitPattern: base)) | UInt64(check) << 32 | UInt64(logFrequency) << 48
    }

    /// The fixed-point form of a log frequency, clamped to what a cell holds.
    static func storedLogFrequency(_ value: Float) -> UInt16 {
        UInt16((min(max(value, 0), 15.99) * logFrequencyScale).rounded())
    }

    @inline(__always)
    static func base(_ cell: UInt64) -> Int32 { Int32(truncatingIfNeeded: cell) }

    @inline(__always)
    static func check(_ cell: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: cell >> 32) }

    /// The state reached from `state` by `code`, or -1.
    @inline(__always)
    func child(of state: Int32, code: UInt32) -> Int32 {
        let target = Int(Self.base(cells[Int(state)])) &+ Int(code)
        guard UInt(bitPattern: target) < UInt(cells.count), UInt32(Self.check(cells[target])) == code else { return -1 }
        return Int32(truncatingIfNeeded: target)
    }

    /// The log frequency of the word ending at `state`, or nil when the path is only a prefix.
    @inline(__always)
    func wordLogFrequency(at state: Int32) -> Float? {
        let stored = UInt16(truncatingIfNeeded: cells[Int(state)] >> 48)
        return stored == Self.notAWord ? nil : Float(stored) / Self.logFrequencyScale
    }
}
