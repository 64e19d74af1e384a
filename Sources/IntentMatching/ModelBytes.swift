/// Appends little-endian numbers, arrays and strings to a byte buffer: the writing half of the
/// intent model format.
struct ModelWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func write(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }
    mutating func write(_ value: Float) { write(value.bitPattern) }

    mutating func write(_ values: [Float]) {
        write(values.count)
        bytes.reserveCapacity(bytes.count + values.count * 4)
        for value in values { write(value.bitPattern) }
    }

    mutating func write(_ values: [UInt64]) {
        write(values.count)
        for value in values { write(value) }
    }

    mutating func write(_ value: String) {
        let utf8 = Array(value.utf8)
        write(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func write(raw: [UInt8]) { bytes.append(contentsOf: raw) }
}

/// Reads what `ModelWriter` wrote, failing with `IntentModelFormatError` instead of reading past
/// the end.
struct ModelReader {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int

    init(_ bytes: [UInt8], from start: Int, to end: Int) {
        self.bytes = bytes
        position = start
        self.end = end
    }

    private mutating func take(_ count: Int) throws(IntentModelFormatError) -> Int {
        guard count >= 0, count <= end - position else {
            throw IntentModelFormatError("the file ends early (truncated at byte \(position))")
        }
        defer { position += count }
        return position
    }

    mutating func readUInt64() throws(IntentModelFormatError) -> UInt64 {
        let start = try take(8)
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[start + index]) << UInt64(8 * index) }
        return value
    }

    mutating func readUInt32() throws(IntentModelFormatError) -> UInt32 {
        let start = try take(4)
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[start + index]) << UInt32(8 * index) }
        return value
    }

    mutating func readInt(atMost limit: Int = Int(Int32.max)) throws(IntentModelFormatError) -> Int {
        let value = Int64(bitPattern: try readUInt64())
        guard value >= 0, value <= Int64(limit) else { throw IntentModelFormatError("a count of \(value) is out of range") }
        return Int(value)
    }

    mutating func readFloat() throws(IntentModelFormatError) -> Float { Float(bitPattern: try readUInt32()) }

    mutating func readFloats(count expected: Int? = nil) throws(IntentModelFormatError) -> [Float] {
        let count = try readInt(atMost: (end - position) / 4)
        if let expected, expected != count {
            throw IntentModelFormatError("an array holds \(count) numbers where the shapes say \(expected)")
        }
        let start = try take(count * 4)
        var values = [Float](repeating: 0, count: count)
        for index in 0..<count {
            let base = start + index * 4
            values[index] = Float(bitPattern: UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8
                | UInt32(bytes[base + 2]) << 16 | UInt32(bytes[base + 3]) << 24)
        }
        return values
    }

    mutating func readUInt64s() throws(IntentModelFormatError) -> [UInt64] {
        let count = try readInt(atMost: (end - position) / 8)
        var values: [UInt64] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try readUInt64()) }
        return values
    }

    mutating func readString() throws(IntentModelFormatError) -> String {
        let count = try readInt(atMost: end - position)
        let start = try take(count)
        return String(decoding: bytes[start..<(start + count)], as: UTF8.self)
    }

    mutating func readRaw(_ count: Int) throws(IntentModelFormatError) -> ArraySlice<UInt8> {
        let start = try take(count)
        return bytes[start..<(start + count)]
    }
}
