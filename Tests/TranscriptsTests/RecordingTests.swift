import ChatEngine
import ChatREPL
import Entities
import Foundation
import KefuTestSupport
import Testing
import Transcripts

/// Record → replay: what the REPL's `:save` and `kefu serve --stdio --record DIR` write replays
/// green at once.
@Suite(.serialized) struct RecordingTests {
    /// Lines that go through a form, a knowledge-base answer, small talk, a confirmation, a
    /// fallback and a hand-off.
    static let lines = ["你好", "我的订单到哪了", "20241105123456", "运费怎么算", "我要取消订单", "20241106000001", "是的",
                        "今天天气怎么样", "转人工", "谢谢"]

    @Test func aSavedREPLSessionReplaysGreen() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let file = directory.path("repl session.yml")
        var session = ChatSession(engine: Shop.engine, botFolder: Shop.folder, style: .plain, clock: { Shop.reference },
                                  loader: { folder throws(ChatEngineError) in try ChatEngine.load(botFolder: folder) })
        var output = Output()
        for line in Self.lines + [":save \(file)"] { _ = session.handle(.text(line), output: &output) }
        #expect(output.text.contains("saved \(Self.lines.count) turn(s) to \(file)"))

        let transcript = try Transcript.load(file: file)
        #expect(transcript.name == "repl session")
        #expect(transcript.now == "2026-11-23T10:00:00+08:00")
        #expect(transcript.turns.map(\.user) == Self.lines)
        #expect(transcript.turns.contains { $0.checks.answer == "shipping-fee" })
        #expect(transcript.turns.contains { $0.checks.handoff == true })
        #expect(transcript.turns.contains { $0.checks.slots?["order_id"] == "20241105123456" })
        // Replayed at another time of day it still passes: the file carries its now.
        let result = transcript.replay(with: Shop.engine, clock: try ReferenceTime(iso8601: "2030-01-01T00:00:00Z"))
        #expect(result.passed, "\(result.diff)")

        let replay = try Shop.replay(file)
        #expect(replay.status == 0, "\(replay.text)\(replay.error)")
        #expect(replay.text == "1 passed, 0 failed\n")
    }

    @Test func aRecordedStdioStreamReplaysGreen() throws {
        _ = Shop.engine
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let folder = directory.path("recorded")
        var requests: [String] = []
        for (index, line) in Self.lines.enumerated() {   // two sessions, interleaved; c2 resets halfway
            requests.append(#"{"session":"c1","text":"\#(line)","now":"2026-11-23T10:00:00+08:00"}"#)
            if index == 5 { requests.append(#"{"session":"c2","command":"reset"}"#) }
            requests.append(#"{"session":"c2","text":"\#(line)"}"#)
        }
        requests.append(#"{"session":"a/b 客户","text":"你好"}"#)
        let served = try Kefu.run(["serve", "--stdio", "--bot", Shop.folder, "--record", folder], input: requests.joined(separator: "\n") + "\n")
        #expect(served.status == 0, "\(served.error)")

        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 4)
        #expect(files.contains("c1.yml") && files.contains("c2.yml") && files.contains("c2-2.yml"))
        #expect(files.contains { $0.hasPrefix("a_b_客户-") && $0.hasSuffix(".yml") })
        let c2 = try Transcript.load(file: folder + "/c2.yml"), c22 = try Transcript.load(file: folder + "/c2-2.yml")
        #expect(c2.turns.map(\.user) == Array(Self.lines.prefix(5)))
        #expect(c22.turns.map(\.user) == Array(Self.lines.dropFirst(5)))
        #expect(c22.name == "c2-2")
        #expect(try Transcript.load(file: folder + "/c1.yml").now == "2026-11-23T10:00:00+08:00")

        let replay = try Shop.replay(folder)
        #expect(replay.status == 0, "\(replay.text)\(replay.error)")
        #expect(replay.text == "4 passed, 0 failed\n")
    }

    /// A server killed and restarted with the same store continues the session's file; a new
    /// process without the store starts a new file beside it instead of overwriting it.
    @Test func aRestartedServerContinuesTheFileAndNeverOverwritesOne() throws {
        _ = Shop.engine
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let folder = directory.path("recorded"), store = directory.path("sessions.sqlite")
        func serve(_ lines: ArraySlice<String>, store: String?) throws {
            let input = lines.map { #"{"session":"s1","text":"\#($0)","now":"2026-11-23T10:00:00+08:00"}"# + "\n" }.joined()
            let result = try Kefu.run(["serve", "--stdio", "--bot", Shop.folder, "--record", folder] + (store.map { ["--store", $0] } ?? []),
                                      input: input)
            #expect(result.status == 0, "\(result.error)")
        }
        try serve(Self.lines.prefix(3), store: store)
        try serve(Self.lines.dropFirst(3), store: store)
        #expect(try Transcript.load(file: folder + "/s1.yml").turns.map(\.user) == Self.lines)
        try serve(Self.lines.prefix(1), store: nil)
        #expect(try Transcript.load(file: folder + "/s1.yml").turns.count == Self.lines.count)
        #expect(try Transcript.load(file: folder + "/s1-2.yml").turns.count == 1)

        let replay = try Shop.replay(folder)
        #expect(replay.text == "2 passed, 0 failed\n", "\(replay.error)")
    }

    @Test func recordingIntoAFileIsBadUsage() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let file = try directory.write("file", Array("x".utf8))
        let result = try Kefu.run(["serve", "--stdio", "--bot", Shop.folder, "--record", file], input: "")
        #expect(result.status == 2)
        #expect(result.error.contains("--record takes a folder"))
    }

    @Test func noPhoneNumberReachesARecordedFile() throws {
        _ = Shop.engine
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let folder = directory.path("recorded")
        let input = #"{"session":"13812345678","text":"我的手机号是13812345678，订单到哪了"}"# + "\n"
        let result = try Kefu.run(["serve", "--stdio", "--bot", Shop.folder, "--record", folder], input: input)
        #expect(result.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 1)
        for file in files {
            #expect(!file.contains("13812345678"), "\(file)")   // the file is named for the masked session id
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            #expect(!text.contains("13812345678"), "\(text)")
        }
    }

    struct Output: OutputSink {
        var text = ""
        mutating func write(_ text: String) { self.text += text }
        mutating func warn(_ text: String) { self.text += text }
    }
}
