#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ModelArchive {
    /// Writes the model file to `path` (replacing it): first to `path.partial`, then renamed, so
    /// a crash never leaves half a model under the real name.
    public func write(toFile path: String) throws(ModelFileError) {
        let bytes = encoded()
        let partial = path + ".partial"
        guard let file = fopen(partial, "wb") else { throw .io(path: path, reason: Self.systemReason()) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == bytes.count, closed == 0 else {
            let reason = Self.systemReason()
            unlink(partial)
            throw .io(path: path, reason: reason)
        }
        guard rename(partial, path) == 0 else { throw .io(path: path, reason: Self.systemReason()) }
    }

    /// Reads and checks the model file at `path` (see `init(decoding:expectedKind:)`).
    public init(contentsOfFile path: String, expectedKind: String? = nil) throws(ModelFileError) {
        guard let file = fopen(path, "rb") else { throw .io(path: path, reason: Self.systemReason()) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count { break }
        }
        guard ferror(file) == 0 else { throw .io(path: path, reason: "read error") }
        try self.init(decoding: bytes, expectedKind: expectedKind)
    }

    private static func systemReason() -> String { String(cString: strerror(errno)) }
}
