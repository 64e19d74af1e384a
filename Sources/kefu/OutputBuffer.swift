#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Collects output bytes and writes them to a file descriptor in large blocks.
struct OutputBuffer {
    let descriptor: Int32
    private(set) var bytes: [UInt8] = []
    private let limit = 1 << 16

    init(descriptor: Int32) {
        self.descriptor = descriptor
        bytes.reserveCapacity(limit * 2)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    mutating func append(_ slice: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: slice) }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends a number in decimal.
    mutating func append(decimal value: Int) {
        if value >= 10 { append(decimal: value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Writes when the buffer has grown past its limit.
    @inline(__always)
    mutating func flushIfFull() { if bytes.count >= limit { flush() } }

    /// Writes everything buffered.
    mutating func flush() {
        var written = 0
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let count = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return   // the reader went away (EPIPE): nothing more can be delivered
                }
                written += count
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
