import ChatCore
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
    private var splitter = LineSplitter()
    /// Lines already cut from what was read, not yet handed out.
    private var ready: [InputLine] = []
    private var next = 0
    private var atEnd = false

    public init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    public mutating func nextLine(prompt: String) -> InputLine? {
        while next == ready.count {
            ready.removeAll(keepingCapacity: true)
            next = 0
            if atEnd { return nil }
            readChunk()
        }
        defer { next += 1 }
        return ready[next]
    }

    /// Reads what is there (up to 64 KiB) and cuts the lines it completes; at the end of input,
    /// the last line without a line break.
    private mutating func readChunk() {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var count = -1
        while count < 0 {
            count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno != EINTR { count = 0 }
        }
        var lines: [InputLine] = []
        let take = { (line: LineSplitter.Line, _: Int) in
            if case let .bytes(bytes) = line {   // no limit: never `.tooLong`
                lines.append(String(validating: bytes, as: UTF8.self).map(InputLine.text) ?? .invalidUTF8)
            }
        }
        if count == 0 {
            atEnd = true
            splitter.finish(take)
        } else {
            chunk.withUnsafeBufferPointer { splitter.feed(UnsafeBufferPointer(rebasing: $0[0..<count]), take) }
        }
        ready += lines
    }
}
