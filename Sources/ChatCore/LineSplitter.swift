/// Cuts a byte stream that arrives in chunks into lines (without `\n` or `\r\n`), numbering them
/// from 1. A line longer than `limit` bytes is never held whole: its bytes are dropped as they
/// come and it is reported as `.tooLong` when its line break (or the end) arrives. One splitter
/// serves every front end: `kefu serve` (with a limit), `kefu chat` through a pipe, and the
/// line-by-line commands (`kefu tokenize`, `kefu parse`).
public struct LineSplitter {
    /// One line of input.
    public enum Line {
        case bytes(UnsafeBufferPointer<UInt8>)
        case tooLong
    }

    public let limit: Int
    /// The start of a line that continues in the next chunk.
    private var pending: [UInt8] = []
    /// Whether the current line has passed the limit and is being skipped.
    private var skipping = false
    public private(set) var lineNumber = 0

    /// A splitter that reports lines longer than `limit` bytes as `.tooLong` (default: no limit).
    public init(limit: Int = .max) { self.limit = limit }

    /// Whether part of a line is waiting for the rest of it.
    public var hasPartialLine: Bool { skipping || !pending.isEmpty }

    /// Hands every line completed by `chunk` to `body` with its number.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (Line, Int) -> Void) {
        var start = 0
        let count = chunk.count
        while start <= count {
            guard let newline = Self.index(of: 0x0A, in: chunk, from: start) else { break }
            let segment = UnsafeBufferPointer(rebasing: chunk[start..<newline])
            if skipping {
                skipping = false
                deliverTooLong(body)
            } else if pending.isEmpty {
                deliver(segment, body)
            } else if pending.count + segment.count > limit {
                pending.removeAll(keepingCapacity: true)
                deliverTooLong(body)
            } else {
                pending.append(contentsOf: segment)
                pending.withUnsafeBufferPointer { deliver($0, body) }
                pending.removeAll(keepingCapacity: true)
            }
            start = newline + 1
        }
        guard start < count, !skipping else { return }
        if pending.count + (count - start) > limit {
            pending.removeAll(keepingCapacity: true)
            skipping = true
        } else {
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<count]))
        }
    }

    /// Hands over the last line when the input ends without a line break.
    public mutating func finish(_ body: (Line, Int) -> Void) {
        if skipping {
            skipping = false
            deliverTooLong(body)
        } else if !pending.isEmpty {
            pending.withUnsafeBufferPointer { deliver($0, body) }
            pending.removeAll()
        }
    }

    private mutating func deliver(_ line: UnsafeBufferPointer<UInt8>, _ body: (Line, Int) -> Void) {
        lineNumber += 1
        if line.count > limit { return body(.tooLong, lineNumber) }
        var line = line
        if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
        body(.bytes(line), lineNumber)
    }

    private mutating func deliverTooLong(_ body: (Line, Int) -> Void) {
        lineNumber += 1
        body(.tooLong, lineNumber)
    }

    @inline(__always)
    private static func index(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < buffer.count {
            if buffer[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
