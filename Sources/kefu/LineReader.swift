import ChatCore

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
        var splitter = LineSplitter()
        func deliver(_ line: LineSplitter.Line, _ number: Int) {
            if case let .bytes(bytes) = line { body(bytes, number) }   // no limit: never `.tooLong`
        }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(message: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            chunk.withUnsafeBufferPointer { splitter.feed(UnsafeBufferPointer(rebasing: $0[0..<count]), deliver) }
            chunkDone()
        }
        if splitter.hasPartialLine {
            splitter.finish(deliver)
            chunkDone()
        }
    }

    struct ReadError: Error {
        var message: String
    }
}
