import ChatCore
import Foundation
import KefuTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kefu serve --stdio` as a client runs it: a child process, its exit status, `--store` across
/// restarts and a SIGKILL.
@Suite(.serialized) struct ServeCommandTests {
    let directory: ScratchDirectory
    let bot: String

    init() throws {
        directory = try ScratchDirectory()
        bot = try ShopEngine.folder.get()
    }

    @Test func servesLinesAndEndsWithStatusZero() throws {
        let result = try Kefu.run(["serve", "--stdio", "--bot", bot], input: input([
            #"{"session":"a","text":"你好"}"#, "oops", #"{"session":"a","command":"state","id":[1,"x"]}"#,
        ]))
        defer { directory.remove() }
        #expect(result.status == 0, "\(result.error)")
        let lines = OutputLines(result.output).lines
        try #require(lines.count == 3)
        #expect(lines[1].hasPrefix(#"{"error":{"code":"invalid_json""#))
        #expect(lines[2].hasPrefix(#"{"session":"a","id":[1,"x"],"state":{"turns":1,"#))
    }

    @Test func aStoreCarriesSessionsAcrossRestarts() throws {
        defer { directory.remove() }
        let store = directory.path("sessions.db")
        let first = try Kefu.run(["serve", "--stdio", "--bot", bot, "--store", store], input: input([
            #"{"session":"a","text":"我的订单到哪了"}"#, #"{"session":"b","text":"取消订单"}"#, #"{"session":"b","text":"20241106000001"}"#,
        ]))
        #expect(first.status == 0, "\(first.error)")
        let second = try Kefu.run(["serve", "--stdio", "--bot", bot, "--store", store], input: input([
            #"{"session":"a","command":"state"}"#, #"{"session":"b","command":"state"}"#, #"{"session":"a","text":"20241105123456"}"#,
        ]))
        let lines = OutputLines(second.output).lines
        try #require(lines.count == 3, "\(second.error)")
        #expect(lines[0].contains(#""turns":1,"active_intent":"order_status""#))
        #expect(lines[1].contains(#""turns":2,"active_intent":"cancel_order","slots":{"order_id":"20241106000001"}"#))
        #expect(lines[2].contains("已发货"))
    }

    @Test(arguments: ["garbage", "folder"])
    func anUnusableStoreIsRefusedAtStart(kind: String) throws {
        defer { directory.remove() }
        let path = kind == "garbage" ? try directory.write("bad.db", Array(repeating: UInt8(7), count: 2048)) : directory.path("no/such/dir/s.db")
        let result = try Kefu.run(["serve", "--stdio", "--bot", bot, "--store", path], input: input([#"{"session":"a","text":"hi"}"#]))
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("kefu: ") && result.error.contains("store"))
        #expect(result.error.split(separator: "\n").count == 1)
    }

    @Test func withoutStdioItSaysWhatToDo() throws {
        defer { directory.remove() }
        let result = try Kefu.run(["serve", "--bot", bot], input: [])
        #expect(result.status == 2)
        #expect(result.error.contains("--stdio"))
    }

    /// Kill -9 in the middle of a stream, start again on the same store: every session's state
    /// is the state a server that never died has after the turns the session got replies to (or,
    /// if the kill fell between a commit and its replies, after the turns recorded: never fewer).
    @Test func aKilledServerContinuesEverySession() throws {
        defer { directory.remove() }
        let store = directory.path("killed.db")
        let script = ["我的订单到哪了", "20241105123456", "谢谢", "取消订单", "20241106000001", "是的", "你好", "怎么退货", "再见"]
        let sessions = 10
        var requests: [(session: Int, line: String)] = []
        for round in 0..<40 {
            for session in 0..<sessions {
                let text = script[(round + session) % script.count]
                requests.append((session, #"{"session":"k\#(session)","text":"\#(text)"}"#))
            }
        }
        let server = try ServeProcess(arguments: ["serve", "--stdio", "--bot", bot, "--store", store])
        var sent = 0
        var lines: [String] = []
        while lines.count < 150, sent < requests.count {
            let next = requests[sent..<min(sent + 10, requests.count)]
            try server.send(input(next.map(\.line)))
            sent += next.count
            lines += try server.readLines(atLeast: 1)
        }
        server.kill()
        lines += server.drain()
        #expect(lines.count >= 150 && lines.count < requests.count)
        var replies = [Int](repeating: 0, count: sessions)
        for line in lines {
            guard let number = line.firstRange(of: #""session":"k"#).map({ line[$0.upperBound...].prefix { $0.isNumber } }),
                  let session = Int(number) else { Issue.record("not a reply: \(line)"); continue }
            replies[session] += 1
        }
        let stateLines = (0..<sessions).map { #"{"session":"k\#($0)","command":"state"}"# }
        let restarted = OutputLines(try Kefu.run(["serve", "--stdio", "--bot", bot, "--store", store], input: input(stateLines)).output).lines
        try #require(restarted.count == sessions)
        // The same sessions on a server that never died, each given the turns it got replies to.
        var reference: [String] = []
        for session in 0..<sessions { reference += requests.filter { $0.session == session }.prefix(replies[session]).map(\.line) }
        let expected = OutputLines(try Kefu.run(["serve", "--stdio", "--bot", bot], input: input(reference + stateLines)).output).lines.suffix(sessions)
        var exact = 0
        for (session, (stored, wanted)) in zip(restarted, expected).enumerated() {
            if stored == wanted {
                exact += 1
            } else {
                // Allowed only ahead: turns committed whose replies died with the process.
                #expect(turns(stored) > turns(wanted), "k\(session): stored \(stored), expected \(wanted)")
            }
        }
        #expect(exact >= sessions - 2)
    }

    func turns(_ stateLine: String) -> Int {
        guard let range = stateLine.firstRange(of: #""turns":"#) else { return -1 }
        return Int(stateLine[range.upperBound...].prefix { $0.isNumber }) ?? -1
    }
}

/// A `kefu` child process fed and read line by line, that can be killed.
final class ServeProcess {
    private let process = Process()
    private let stdin = Pipe(), stdout = Pipe()
    private var buffer: [UInt8] = []

    init(arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: try #require(Kefu.path))
        process.arguments = arguments
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func send(_ bytes: [UInt8]) throws { try stdin.fileHandleForWriting.write(contentsOf: Data(bytes)) }

    /// Reads until at least `count` whole lines have arrived; returns the whole lines read.
    func readLines(atLeast count: Int) throws -> [String] {
        var lines: [String] = []
        while lines.count < count {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty { break }
            buffer += data
            lines += takeLines()
        }
        return lines
    }

    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Everything the dead process wrote that was not read yet.
    func drain() -> [String] {
        buffer += stdout.fileHandleForReading.readDataToEndOfFile()
        return takeLines()
    }

    private func takeLines() -> [String] {
        guard let last = buffer.lastIndex(of: 0x0A) else { return [] }
        let lines = String(decoding: buffer[...last], as: UTF8.self).split(separator: "\n").map(String.init)
        buffer.removeSubrange(...last)
        return lines
    }
}
