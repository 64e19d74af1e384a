extension ModelArchive {
    /// The model file's bytes: header, payload, checksum.
    public func encoded() -> [UInt8] {
        let payload = encodedPayload()
        var writer = ByteWriter()
        writer.bytes.reserveCapacity(payload.count + 28)
        writer.bytes.append(contentsOf: Self.magic)
        writer.write(Self.formatVersion)
        writer.write(UInt64(payload.count))
        writer.bytes.append(contentsOf: payload)
        writer.write(StableHash.of(payload))
        return writer.bytes
    }

    func encodedPayload() -> [UInt8] {
        var writer = ByteWriter()
        writer.write(kind)
        writer.write(UInt32(entries.count))
        for (name, value) in entries {
            writer.write(name)
            switch value {
            case .floats(let shape, let values):
                writer.bytes.append(1)
                writer.write(UInt32(shape.count))
                for dimension in shape { writer.write(UInt64(dimension)) }
                writer.write(values)
            case .integers(let values):
                writer.bytes.append(2)
                writer.write(UInt64(values.count))
                for value in values { writer.write(UInt64(bitPattern: value)) }
            case .strings(let values):
                writer.bytes.append(3)
                writer.write(UInt64(values.count))
                for value in values { writer.write(value) }
            }
        }
        return writer.bytes
    }
}

/// Appends little-endian numbers and strings to a byte array.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func write(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func write(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func write(_ value: String) {
        let utf8 = Array(value.utf8)
        write(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Floats as their bit patterns, little-endian.
    mutating func write(_ values: [Float]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: values.count * 4))
        bytes.withUnsafeMutableBufferPointer { buffer in
            for (index, value) in values.enumerated() {
                let bits = value.bitPattern, base = start + index * 4
                buffer[base] = UInt8(truncatingIfNeeded: bits)
                buffer[base + 1] = UInt8(truncatingIfNeeded: bits >> 8)
                buffer[base + 2] = UInt8(truncatingIfNeeded: bits >> 16)
                buffer[base + 3] = UInt8(truncatingIfNeeded: bits >> 24)
            }
        }
    }
}
