#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines read straight from a file descriptor, for when standard input is not a terminal
/// (readline would echo them): no prompt, no editing, no history. Lines end at `\n` (a `\r`
/// before it is dropped); a last line without a line break counts; a line of any length is read
/// whole.
public struct PlainLineSource: LineSource {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts.
    private var start = 0
    private var atEnd = false

    public init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    public mutating func nextLine(prompt: String) -> InputLine? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = take(upTo: newline)
                start = newline + 1
                return line
            }
            searchFrom = buffer.count
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = take(upTo: buffer.count)
                start = buffer.count
                return line
            }
            if start > 0 {   // keep only the unread part before reading more
                buffer.removeSubrange(0..<start)
                searchFrom -= start
                start = 0
            }
            readChunk()
        }
    }

    private func take(upTo end: Int) -> InputLine {
        var end = end
        if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard let text = String(validating: buffer[start..<end], as: UTF8.self) else { return .invalidUTF8 }
        return .text(text)
    }

    private mutating func readChunk() {
        let chunkSize = 1 << 16
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress.map { $0 + oldCount }, chunkSize) }
            if count < 0, errno == EINTR { continue }
            buffer.removeLast(chunkSize - max(count, 0))
            if count <= 0 { atEnd = true }
            return
        }
    }
}
