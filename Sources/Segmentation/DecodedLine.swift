/// One line of text decoded for segmentation: its UTF-8 bytes, its Unicode scalars, their folded
/// forms and classes, and where each scalar starts in the bytes. Reused line after line, so the
/// arrays are allocated once.
struct DecodedLine {
    /// The line's bytes: valid UTF-8 (invalid input was repaired with U+FFFD).
    private(set) var bytes: [UInt8] = []
    /// The line's scalars as typed. Like the arrays below, it may be longer than `count`:
    /// storage is kept from line to line, and only the first `count` entries belong to this line.
    private(set) var scalars: [UInt32] = []
    /// The scalars folded for matching (`MatchingFold`).
    private(set) var folded: [UInt32] = []
    private(set) var classes: [ScalarClass] = []
    /// `utf8Offsets[i]` is where scalar `i` starts in `bytes`; entry `count` marks the end.
    private(set) var utf8Offsets: [Int32] = []
    /// Whether the line holds an `@`, so e-mail addresses need looking for.
    private(set) var containsAt = false
    /// The number of scalars in the line.
    private(set) var count = 0

    /// Loads a line. Returns false when the bytes were not valid UTF-8 and had to be repaired.
    /// - Complexity: O(n).
    @discardableResult
    mutating func load(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.removeAll(keepingCapacity: true)
        let valid = UTF8Validation.isValid(input)
        if valid {
            bytes.append(contentsOf: input)
        } else {
            bytes.append(contentsOf: String(decoding: input, as: UTF8.self).utf8)
        }
        decodeValidBytes()
        return valid
    }

    private mutating func decodeValidBytes() {
        let capacity = bytes.count + 1
        if scalars.count < capacity {
            let size = max(capacity, scalars.count * 2)
            scalars = [UInt32](repeating: 0, count: size)
            folded = [UInt32](repeating: 0, count: size)
            classes = [ScalarClass](repeating: .space, count: size)
            utf8Offsets = [Int32](repeating: 0, count: size)
        }
        var sawAt = false
        var scalarCount = 0
        bytes.withUnsafeBufferPointer { input in
        scalars.withUnsafeMutableBufferPointer { scalars in
        folded.withUnsafeMutableBufferPointer { folded in
        classes.withUnsafeMutableBufferPointer { classes in
        utf8Offsets.withUnsafeMutableBufferPointer { offsets in
            var index = 0
            let end = input.count
            while index < end {
                let lead = UInt32(input[index])
                var scalar: UInt32
                var length: Int
                if lead < 0x80 {
                    scalar = lead
                    length = 1
                } else if lead < 0xE0 {
                    scalar = (lead & 0x1F) << 6 | UInt32(input[index + 1] & 0x3F)
                    length = 2
                } else if lead < 0xF0 {
                    scalar = (lead & 0x0F) << 12 | UInt32(input[index + 1] & 0x3F) << 6 | UInt32(input[index + 2] & 0x3F)
                    length = 3
                } else {
                    scalar = (lead & 0x07) << 18 | UInt32(input[index + 1] & 0x3F) << 12
                        | UInt32(input[index + 2] & 0x3F) << 6 | UInt32(input[index + 3] & 0x3F)
                    length = 4
                }
                let fold = MatchingFold.fold(scalar)
                if fold == 0x40 { sawAt = true }
                scalars[scalarCount] = scalar
                folded[scalarCount] = fold
                classes[scalarCount] = ScalarClass.of(fold)
                offsets[scalarCount] = Int32(truncatingIfNeeded: index)
                scalarCount += 1
                index += length
            }
            offsets[scalarCount] = Int32(truncatingIfNeeded: end)
        }
        }
        }
        }
        }
        count = scalarCount
        containsAt = sawAt
    }
}

/// UTF-8 validation by the Unicode rules: no overlong forms, no surrogates, nothing above U+10FFFF.
enum UTF8Validation {
    /// - Complexity: O(n).
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= low, second <= high else { return false }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
