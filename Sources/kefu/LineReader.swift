#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor in large chunks and hands each one over as bytes without
/// its line break (`\n` or `\r\n`). A last line without a line break counts; a line of any length
/// works. After each chunk `chunkDone` runs, so a caller can flush its output and stay
/// interactive behind a pipe.
struct LineReader {
    let descriptor: Int32
    var chunkSize = 1 << 16

    /// Calls `body` with each line and its 1-based number.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void, chunkDone: () -> Void) throws(ReadError) {
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var pending: [UInt8] = []   // the start of a line that continues in the next chunk
        var lineNumber = 0
        func deliver(_ line: UnsafeBufferPointer<UInt8>) {
            lineNumber += 1
            var line = line
            if let last = line.last, last == UInt8(ascii: "\r") { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
            body(line, lineNumber)
        }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(message: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            chunk.withUnsafeBufferPointer { buffer in
                var lineStart = 0
                for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
                    if pending.isEmpty {
                        deliver(UnsafeBufferPointer(rebasing: buffer[lineStart..<index]))
                    } else {
                        pending.append(contentsOf: buffer[lineStart..<index])
                        pending.withUnsafeBufferPointer { deliver($0) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    lineStart = index + 1
                }
                pending.append(contentsOf: buffer[lineStart..<count])
            }
            chunkDone()
        }
        if !pending.isEmpty {
            pending.withUnsafeBufferPointer { deliver($0) }
            chunkDone()
        }
    }

    struct ReadError: Error {
        var message: String
    }
}
