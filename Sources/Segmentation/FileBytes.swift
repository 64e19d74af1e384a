#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading whole files as bytes, with errors that name the file.
enum FileBytes {
    /// The bytes of the file at `path`.
    static func read(_ path: String) throws(FileReadError) -> [UInt8] {
        let storage = try readAligned(path)
        defer { storage.deallocate() }
        return Array(storage)
    }

    /// The bytes of the file at `path` in 8-byte-aligned memory the caller must deallocate.
    static func readAligned(_ path: String) throws(FileReadError) -> UnsafeMutableRawBufferPointer {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileReadError(path: path, problem: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileReadError(path: path, problem: String(cString: strerror(errno))) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw FileReadError(path: path, problem: "is a directory") }
        var capacity = max(Int(status.st_size), 1 << 12)
        var storage = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
        var count = 0
        while true {
            if count == capacity {   // the file grew, or is a pipe
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * 2, alignment: 8)
                larger.copyMemory(from: UnsafeRawBufferPointer(storage))
                storage.deallocate()
                storage = larger
                capacity *= 2
            }
            let result = readBytes(descriptor, storage.baseAddress! + count, capacity - count)
            if result < 0 {
                if errno == EINTR { continue }
                let problem = String(cString: strerror(errno))
                storage.deallocate()
                throw FileReadError(path: path, problem: problem)
            }
            if result == 0 { return UnsafeMutableRawBufferPointer(rebasing: storage[0..<count]) }
            count += result
        }
    }
}

/// A read-only file mapped into memory, unmapped when released.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init(path: String) throws(FileReadError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileReadError(path: path, problem: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileReadError(path: path, problem: String(cString: strerror(errno))) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw FileReadError(path: path, problem: "is a directory") }
        let size = Int(status.st_size)
        guard size > 0 else { bytes = UnsafeRawBufferPointer(start: nil, count: 0); return }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw FileReadError(path: path, problem: String(cString: strerror(errno)))
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let address = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: address), bytes.count) }
    }
}

/// A copy of some bytes in 8-byte-aligned memory, freed when released.
final class AlignedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init(_ source: [UInt8]) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 8), alignment: 8)
        source.withUnsafeBytes { storage.copyMemory(from: $0) }
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[0..<source.count])
    }

    deinit { UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate() }
}

/// A file that could not be read.
public struct FileReadError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var problem: String
    public var description: String { "\(path): cannot read: \(problem)" }
}

@inline(__always)
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
