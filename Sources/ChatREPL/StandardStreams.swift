#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's standard output and standard error, written unbuffered with `write(2)` so a
/// program driving `kefu chat` through a pipe sees each reply as soon as it is made.
public struct StandardStreams: OutputSink {
    public init() {}

    public mutating func write(_ text: String) { Self.write(text, to: STDOUT_FILENO) }

    public mutating func warn(_ text: String) { Self.write(text, to: STDERR_FILENO) }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = rawWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return   // a closed pipe: nothing more can be said
                }
                offset += written
            }
        }
    }

    private static func rawWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, bytes, count)
        #else
        return Darwin.write(descriptor, bytes, count)
        #endif
    }
}

extension StandardStreams {
    /// Ends the current line on standard output (after a prompt left by Ctrl-D).
    func writeLineBreak() {
        var streams = self
        streams.write("\n")
    }
}
