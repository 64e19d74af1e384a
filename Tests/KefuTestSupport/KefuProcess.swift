/// Runs the built `kefu` executable in a subprocess, as a user or a script would.
import Foundation
import Testing

/// The `kefu` executable built beside the test binary, if there is one.
public enum Kefu {
    public static let path: String? = {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let candidate = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("kefu").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }()

    public struct Result: Sendable {
        public var status: Int32
        public var output: [UInt8]
        public var error: String
        public var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// Runs `kefu arguments…` with `input` on standard input.
    public static func run(_ arguments: [String], input: [UInt8]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Feed standard input on its own thread so a large output cannot block the writer.
        let writer = stdin.fileHandleForWriting
        let data = Data(input)
        let feeding = Thread {
            try? writer.write(contentsOf: data)
            try? writer.close()
        }
        feeding.start()
        let errorData = LockedData()
        let errorReader = stderr.fileHandleForReading
        let draining = Thread { errorData.set(errorReader.readDataToEndOfFile()) }
        draining.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return Result(status: process.terminationStatus, output: [UInt8](output),
                      error: String(decoding: errorData.value, as: UTF8.self))
    }

    public static func run(_ arguments: [String], input: String) throws -> Result {
        try run(arguments, input: Array(input.utf8))
    }

    /// A file in a fresh temporary directory; removed with its directory by `remove`.
    public static func temporaryFile(named name: String, contents: [UInt8]) throws -> String {
        try ScratchDirectory().write(name, contents)
    }

    public static func remove(_ path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }
}

/// Data handed from one thread to another.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var done = false

    func set(_ value: Data) { lock.lock(); data = value; done = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return done }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}
