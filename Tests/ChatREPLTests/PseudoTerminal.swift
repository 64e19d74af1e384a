import Foundation
import Testing

/// A program run on a pseudo-terminal, for tests of what only happens on a terminal (readline):
/// the test types bytes and waits, with a deadline, for text to appear. Never hangs: every wait
/// has a timeout, and the program is killed when the value is dropped unfinished.
final class PseudoTerminal {
    private let master: Int32
    private let process = Process()
    /// Everything the program has written so far, decoded as UTF-8.
    private(set) var transcript = ""
    private var bytes: [UInt8] = []

    /// Starts `executable arguments…` with its standard input, output and error on the terminal.
    init(executable: String, arguments: [String], environment: [String: String], columns: UInt16 = 100) throws {
        guard let calls = PseudoTerminalCalls.load() else { throw PseudoTerminalError.unavailable("no posix_openpt in libc") }
        master = calls.open(O_RDWR | O_NOCTTY)
        var name = [CChar](repeating: 0, count: 128)
        guard master >= 0, calls.grant(master) == 0, calls.unlock(master) == 0, calls.name(master, &name, name.count) == 0 else {
            throw PseudoTerminalError.unavailable(String(cString: strerror(errno)))
        }
        var size = winsize(ws_row: 30, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = open(path, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw PseudoTerminalError.unavailable(String(cString: strerror(errno))) }
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try? handle.close()   // the child holds its own copies
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        close(master)
    }

    /// Types `text` as keystrokes.
    func type(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(master, $0.baseAddress, $0.count) }
    }

    /// Sends the program SIGINT, as Ctrl-C on its controlling terminal would.
    func interrupt() {
        kill(process.processIdentifier, SIGINT)
    }

    /// Waits until the program's output contains `text` `count` times; false on timeout.
    @discardableResult
    func wait(for text: String, count: Int = 1, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while occurrences(of: text) < count {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 || !readAvailable(timeoutMilliseconds: Int32(min(left, 0.5) * 1000)) && !process.isRunning {
                return occurrences(of: text) >= count
            }
        }
        return true
    }

    /// Waits for the program to end; its status, or nil on timeout.
    func waitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() >= deadline { return nil }
            _ = readAvailable(timeoutMilliseconds: 50)
        }
        while readAvailable(timeoutMilliseconds: 10) {}
        return process.terminationStatus
    }

    private func occurrences(of text: String) -> Int {
        transcript.components(separatedBy: text).count - 1
    }

    /// Reads what the program wrote, waiting up to `timeoutMilliseconds`; false when nothing came.
    private func readAvailable(timeoutMilliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeoutMilliseconds) > 0, descriptor.revents & Int16(POLLIN) != 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        bytes.append(contentsOf: buffer[0..<count])
        transcript = String(decoding: bytes, as: UTF8.self)
        return true
    }
}

enum PseudoTerminalError: Error {
    case unavailable(String)
}

/// posix_openpt, grantpt, unlockpt and ptsname_r, looked up at run time: Swift's Glibc module
/// leaves them out (they need _XOPEN_SOURCE).
struct PseudoTerminalCalls {
    typealias Call = @convention(c) (Int32) -> Int32
    typealias NameCall = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
    let open: Call
    let grant: Call
    let unlock: Call
    let name: NameCall

    static func load() -> PseudoTerminalCalls? {
        guard let library = dlopen(nil, RTLD_NOW), let open = dlsym(library, "posix_openpt"), let grant = dlsym(library, "grantpt"),
              let unlock = dlsym(library, "unlockpt"), let name = dlsym(library, "ptsname_r") else { return nil }
        return PseudoTerminalCalls(open: unsafeBitCast(open, to: Call.self), grant: unsafeBitCast(grant, to: Call.self),
                                   unlock: unsafeBitCast(unlock, to: Call.self), name: unsafeBitCast(name, to: NameCall.self))
    }
}
