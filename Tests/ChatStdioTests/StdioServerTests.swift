import SessionStorage
import ChatCore
@testable import ChatStdio
import Dialogue
import KefuTestSupport
import Testing

/// The protocol of DESIGN §3, in process: round trips, order across sessions, bad lines.
@Suite struct StdioServerTests {
    func object(_ line: String) throws -> [String: JSONValue] {
        guard case .object(let members) = try JSONValue(parsing: line) else { throw ParseFailure() }
        return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    }

    struct ParseFailure: Error {}

    @Test func answersTextStateAndResetWithKeysInOrder() async throws {
        var server = try ShopEngine.server()
        let output = OutputLines(await server.respond(toInput: input([
            #"{"session":"c42","text":"我的订单到哪了","id":1}"#,
            #"{"session":"c42","command":"state"}"#,
            #"{"session":"c42","command":"reset","id":"r"}"#,
            #"{"session":"c42","command":"state"}"#,
        ])))
        try #require(output.lines.count == 4)
        #expect(output.lines[0].hasPrefix(#"{"session":"c42","id":1,"reply":""#))
        let reply = try object(output.lines[0])
        #expect(reply["intent"] == .string("order_status"))
        #expect(reply["answer"] == .null)
        #expect(reply["slots"] == .object([]))
        #expect(reply["handoff"] == .bool(false))
        if case .number(let confidence)? = reply["confidence"] { #expect(confidence > 0 && confidence <= 1) } else {
            Issue.record("no confidence in \(output.lines[0])")
        }
        let keys = try JSONValue(parsing: output.lines[0])
        if case .object(let members) = keys {
            #expect(members.map(\.key) == ["session", "id", "reply", "intent", "confidence", "answer", "slots", "handoff", "source",
                                            "understood"])
        }
        #expect(reply["source"] == .object([.init("kind", .string("intent")), .init("intent", .string("order_status"))]))
        #expect(output.lines[1] == #"{"session":"c42","state":{"turns":1,"active_intent":"order_status","slots":{},"fallbacks":0,"handoff":false,"pending":"slot:order_id","last_intent":"order_status"}}"#)
        #expect(output.lines[2] == #"{"session":"c42","id":"r","reset":true}"#)
        #expect(output.lines[3] == #"{"session":"c42","state":{"turns":0,"active_intent":null,"slots":{},"fallbacks":0,"handoff":false}}"#)
    }

    @Test func fillsSlotsAcrossTurnsAndWritesChineseAsIs() async throws {
        var server = try ShopEngine.server()
        let output = OutputLines(await server.respond(toInput: input([
            #"{"session":"a","text":"我的订单到哪了"}"#,
            #"{"session":"a","text":"20241105123456"}"#,
        ])))
        try #require(output.lines.count == 2)
        #expect(output.lines[0].contains("订单号"))
        let second = try object(output.lines[1])
        #expect(second["slots"] == .object(["order_id": .string("20241105123456")]))
        #expect(output.lines[1].contains("已发货"))
    }

    /// Many sessions interleaved, in batches big enough to run on several cores: each reply is
    /// the one that session would get alone, in the requests' order.
    @Test func interleavedSessionsAnswerInOrderAsIfAlone() async throws {
        let script = [#"我的订单到哪了"#, "20241105123456", "谢谢", "怎么退货", "那运费呢", "再见"]
        var lines: [String] = []
        for turn in script.indices { for session in 0..<40 { lines.append(#"{"session":"s\#(session)","text":"\#(script[turn])","id":\#(turn * 100 + session)}"#) } }
        var together = try ShopEngine.server()
        together.maximumBatch = 64
        let mixed = OutputLines(await together.respond(toInput: input(lines)))
        try #require(mixed.lines.count == lines.count)
        var alone = try ShopEngine.server()
        alone.parallelThreshold = .max
        let single = OutputLines(await alone.respond(toInput: input(script.enumerated().map { #"{"session":"s0","text":"\#($1)","id":\#($0 * 100)}"# })))
        for (turn, expected) in single.lines.enumerated() {
            for session in 0..<40 {
                let line = mixed.lines[turn * 40 + session]
                #expect(line == expected.replacingOccurrences(of: #""session":"s0","id":\#(turn * 100)"#, with: #""session":"s\#(session)","id":\#(turn * 100 + session)"#))
            }
        }
    }

    @Test func badLinesGetErrorsWithLineNumbersAndLeaveOtherSessionsAlone() async throws {
        var server = try ShopEngine.server()
        var bytes = input([
            #"{"session":"good","text":"我的订单到哪了"}"#,
            "not json",
            #"{"session":"bad","command":"undo","id":9}"#,
            #"{"session":"good","text":""}"#,
            "[1]",
            #"{"text":"hi"}"#,
        ])
        bytes += Array(#"{"session":"good","text":"x"#.utf8) + [0xFF] + Array("\"}\n".utf8)
        bytes += Array(String(repeating: "x", count: RequestLine.maximumLength + 10).utf8) + [0x0A]
        bytes += input([#"{"session":"good","command":"state"}"#])
        let output = OutputLines(await server.respond(toInput: bytes))
        try #require(output.lines.count == 9)
        let expected: [(Int, String)] = [(2, "invalid_json"), (3, "unknown_command"), (4, "empty_text"), (5, "not_an_object"),
                                         (6, "missing_field"), (7, "invalid_utf8"), (8, "line_too_long")]
        for (number, code) in expected {
            let error = try object(output.lines[number - 1])
            #expect(error["line"] == .number(Double(number)))
            guard case .object(let members)? = error["error"] else { Issue.record("no error on line \(number)"); continue }
            #expect(members.first?.value == .string(code), "line \(number)")
        }
        #expect(output.lines[2] == #"{"session":"bad","id":9,"error":{"code":"unknown_command","message":"unknown command \"undo\"; the commands are \"state\" and \"reset\""},"line":3}"#)
        #expect(output.lines[8] == #"{"session":"good","state":{"turns":1,"active_intent":"order_status","slots":{},"fallbacks":0,"handoff":false,"pending":"slot:order_id","last_intent":"order_status"}}"#)
    }

    @Test func aLastLineWithoutLineBreakIsAnswered() async throws {
        var server = try ShopEngine.server()
        let output = OutputLines(await server.respond(toInput: Array(#"{"session":"x","command":"state"}"#.utf8)))
        #expect(output.lines.count == 1)
    }

    /// A store that fails to write: the lines of the failed batch get `store_failed`, the
    /// session stays where it was, and the server goes on.
    @Test func aFailedWriteIsAnErrorAndChangesNothing() async throws {
        let store = FlakyStore()
        var server = try ShopEngine.server(store: store)
        _ = await server.respond(toInput: input([#"{"session":"k","text":"我的订单到哪了"}"#]))
        store.failing = true
        let failed = OutputLines(await server.respond(toInput: input([#"{"session":"k","text":"20241105123456","id":2}"#])))
        #expect(failed.lines.first?.contains(#""code":"store_failed""#) == true)
        #expect(failed.lines.first?.hasPrefix(#"{"session":"k","id":2,"error""#) == true)
        store.failing = false
        let state = OutputLines(await server.respond(toInput: input([#"{"session":"k","command":"state"}"#])))
        #expect(state.lines.first?.contains(#""turns":1,"#) == true)
        #expect(store.saved["k"]?.state.turns == 1)
    }

    /// Thousands of random and malformed lines: no crash, one output line per input line, each a
    /// JSON object.
    @Test func randomLinesEachGetOneAnswer() async throws {
        var generator = SeededGenerator(seed: 7)
        let fragments = [#"{"session":"#, #""s1""#, #","text":"#, #""我想退货""#, "}", "{", "[", "]", ",", ":", "\"", "\\", "null", "1e9",
                         #","command":"state""#, #","id":"#, "\u{0}", "\t", "退", "\r", " ", #"{"session":"s2","text":"hi"}"#]
        var bytes: [UInt8] = []
        let count = 3_000
        for _ in 0..<count {
            for _ in 0..<Int(generator.next() % 8) {
                if generator.next() % 10 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: generator.next() | 0x80))
                } else {
                    bytes += Array(fragments[Int(generator.next() % UInt64(fragments.count))].utf8)
                }
            }
            bytes.append(0x0A)
        }
        var server = try ShopEngine.server()
        let output = OutputLines(await server.respond(toInput: bytes))
        #expect(output.lines.count == count)
        for line in output.lines.prefix(count) {
            guard case .object = try JSONValue(parsing: line) else { Issue.record("not an object: \(line)"); break }
        }
    }
}

/// A session store in memory that can be told to fail (used from the test's thread only).
final class FlakyStore: SessionStore, @unchecked Sendable {
    var failing = false
    var saved: [String: StoredSession] = [:]

    func load(_ session: String) async throws(StoreError) -> StoredSession? { saved[session] }

    func save(_ batch: StoreBatch) async throws(StoreError) -> Set<String> {
        if failing { throw StoreError("disk full (test)") }
        for (session, stored) in batch.sessions { saved[session] = stored.saved(at: 1) }
        return []
    }

    func openHandoffs() async throws(StoreError) -> [HandoffCase] { [] }
    func openHandoff(of session: String) async throws(StoreError) -> HandoffCase? { nil }
    func conversation(_ session: String, _ conversation: Int) async throws(StoreError) -> StoredConversation { StoredConversation() }
    func prune(before time: Double) async throws(StoreError) -> Int { 0 }
    func export(_ body: (StoreRecord) throws -> Void) async throws(StoreError) {}
    func importRecords(_ records: [StoreRecord]) async throws(StoreError) {}
}


/// Session lifetime in the stdio adapter: the idle timeout and the bounded session table.
@Suite struct StdioSessionLifetimeTests {
    @Test func aDroppedSessionIsReadBackFromTheStore() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var server = try ShopEngine.server(store: try SQLiteSessionStore(path: directory.path("lru.db")))
        server.sessionCapacity = 3
        _ = await server.respond(toInput: input([#"{"session":"first","text":"我要取消订单"}"#]))
        for index in 0..<10 { _ = await server.respond(toInput: input([#"{"session":"s\#(index)","text":"你好"}"#])) }
        let state = OutputLines(await server.respond(toInput: input([#"{"session":"first","command":"state"}"#])))
        #expect(state.lines.first?.contains(#""active_intent":"cancel_order""#) == true)
        let next = OutputLines(await server.respond(toInput: input([#"{"session":"first","text":"20241105123456"}"#])))
        #expect(next.lines.first?.contains(#""order_id":"20241105123456""#) == true)
    }

    @Test func aLineAfterTheIdleTimeoutStartsAFreshContext() async throws {
        var server = try ShopEngine.server()
        server.idleTimeout = 0.05
        _ = await server.respond(toInput: input([#"{"session":"idle","text":"我要取消订单"}"#]))
        try await Task.sleep(for: .milliseconds(200))
        let state = OutputLines(await server.respond(toInput: input([#"{"session":"idle","command":"state"}"#])))
        #expect(state.lines.first?.contains(#""turns":1"#) == true)
        #expect(state.lines.first?.contains("cancel_order") == false)
    }
}
