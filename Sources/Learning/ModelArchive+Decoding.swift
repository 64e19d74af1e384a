extension ModelArchive {
    /// Reads a model file's bytes, checking magic, version, length and checksum, and (when
    /// given) that it holds a model of `expectedKind`.
    public init(decoding bytes: [UInt8], expectedKind: String? = nil) throws(ModelFileError) {
        let headerSize = 20, checksumSize = 8
        guard bytes.count >= Self.magic.count, Array(bytes[0..<Self.magic.count]) == Self.magic else {
            throw .notAModelFile
        }
        guard bytes.count >= headerSize else { throw .truncated(expectedBytes: headerSize + checksumSize, actualBytes: bytes.count) }
        var header = ByteReader(bytes: bytes, position: 8, end: headerSize)
        let version = try header.readUInt32()
        guard version >= 1, version <= Self.formatVersion else {
            throw .unsupportedVersion(found: version, supported: Self.formatVersion)
        }
        let declared = try header.readUInt64()
        guard declared <= UInt64(Int.max / 2), bytes.count >= headerSize + Int(declared) + checksumSize else {
            let expected = declared > UInt64(Int.max / 2) ? Int.max : headerSize + Int(declared) + checksumSize
            throw .truncated(expectedBytes: expected, actualBytes: bytes.count)
        }
        let payloadEnd = headerSize + Int(declared)
        guard bytes.count == payloadEnd + checksumSize else {
            throw .malformed("\(bytes.count - payloadEnd - checksumSize) unexpected bytes after the checksum")
        }
        var trailer = ByteReader(bytes: bytes, position: payloadEnd, end: bytes.count)
        let stored = try trailer.readUInt64()
        let computed = StableHash.of(bytes[headerSize..<payloadEnd])
        guard stored == computed else { throw .checksumMismatch(stored: stored, computed: computed) }

        var reader = ByteReader(bytes: bytes, position: headerSize, end: payloadEnd)
        self.init(kind: try reader.readString())
        if let expectedKind, expectedKind != kind { throw .wrongKind(expected: expectedKind, found: kind) }
        let count = try reader.readUInt32()
        for _ in 0..<count {
            let name = try reader.readString()
            switch try reader.readByte() {
            case 1:
                let rank = Int(try reader.readUInt32())
                guard rank <= 8 else { throw .malformed("tensor \"\(name)\" has rank \(rank)") }
                var shape: [Int] = []
                var total = 1
                for _ in 0..<rank {
                    let dimension = try reader.readCount(unitSize: 1)
                    shape.append(dimension)
                    total = total.multipliedReportingOverflow(by: dimension).overflow ? Int.max : total * dimension
                }
                set(name, .floats(shape: shape, values: try reader.readFloats(total)))
            case 2:
                let length = try reader.readCount(unitSize: 8)
                var values: [Int64] = []
                values.reserveCapacity(length)
                for _ in 0..<length { values.append(Int64(bitPattern: try reader.readUInt64())) }
                set(name, .integers(values))
            case 3:
                let length = try reader.readCount(unitSize: 4)
                var values: [String] = []
                for _ in 0..<length { values.append(try reader.readString()) }
                set(name, .strings(values))
            case let type:
                throw .malformed("entry \"\(name)\" has unknown type \(type)")
            }
        }
        guard reader.position == payloadEnd else { throw .malformed("\(payloadEnd - reader.position) bytes left after the last entry") }
    }
}

/// Reads little-endian numbers and strings, refusing to read past `end`.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int

    init(bytes: [UInt8], position: Int, end: Int) {
        self.bytes = bytes
        self.position = position
        self.end = end
    }

    private mutating func take(_ count: Int) throws(ModelFileError) -> Int {
        guard count >= 0, count <= end - position else {
            throw .malformed("an entry runs past the end of the payload at byte \(position)")
        }
        defer { position += count }
        return position
    }

    mutating func readByte() throws(ModelFileError) -> UInt8 { bytes[try take(1)] }

    mutating func readUInt32() throws(ModelFileError) -> UInt32 {
        let start = try take(4)
        return (0..<4).reduce(0) { $0 | UInt32(bytes[start + $1]) << UInt32(8 * $1) }
    }

    mutating func readUInt64() throws(ModelFileError) -> UInt64 {
        let start = try take(8)
        return (0..<8).reduce(0) { $0 | UInt64(bytes[start + $1]) << UInt64(8 * $1) }
    }

    /// A count of items of at least `unitSize` bytes each that must fit in what is left.
    mutating func readCount(unitSize: Int) throws(ModelFileError) -> Int {
        let value = try readUInt64()
        guard value <= UInt64(end - position) / UInt64(max(unitSize, 1)) else {
            throw .malformed("a count of \(value) at byte \(position - 8) exceeds the payload")
        }
        return Int(value)
    }

    mutating func readString() throws(ModelFileError) -> String {
        let count = Int(try readUInt32())
        let start = try take(count)
        return String(decoding: bytes[start..<(start + count)], as: UTF8.self)
    }

    mutating func readFloats(_ count: Int) throws(ModelFileError) -> [Float] {
        guard count <= (end - position) / 4 else { throw .malformed("a tensor of \(count) floats exceeds the payload") }
        let start = try take(count * 4)
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBufferPointer { source in
                for index in 0..<count {
                    let base = start + index * 4
                    buffer[index] = Float(bitPattern: UInt32(source[base]) | UInt32(source[base + 1]) << 8
                        | UInt32(source[base + 2]) << 16 | UInt32(source[base + 3]) << 24)
                }
            }
            initialized = count
        }
    }
}
