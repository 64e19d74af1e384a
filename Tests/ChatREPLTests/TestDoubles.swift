import ChatEngine
import ChatREPL
import Entities
import Foundation
import KefuTestSupport

/// Lines from a script, as a test's `LineSource`; records every prompt and vocabulary it was given.
struct ScriptedLines: LineSource {
    var lines: [InputLine]
    var prompts: [String] = []
    var vocabularies: [CompletionVocabulary] = []

    init(_ lines: [InputLine]) { self.lines = lines }
    init(_ texts: [String]) { self.lines = texts.map(InputLine.text) }

    mutating func nextLine(prompt: String) -> InputLine? {
        prompts.append(prompt)
        return lines.isEmpty ? nil : lines.removeFirst()
    }

    mutating func complete(with vocabulary: CompletionVocabulary) { vocabularies.append(vocabulary) }
}

/// Everything a session wrote, split by stream.
struct RecordedOutput: OutputSink {
    var text = ""
    var warnings = ""

    mutating func write(_ text: String) { self.text += text }
    mutating func warn(_ text: String) { warnings += text }
}

/// The shop fixture bot, written once and loaded once for every test in the target.
enum Shop {
    /// The fixture in a fixed folder under the temporary directory, refreshed on every run: the
    /// model cache in its `.kefu/` is keyed by the folder's content, so runs after the first load
    /// the model instead of training it, and nothing piles up in the temporary directory.
    static let folder: String = try! FixtureBot.writeShop(stableFolder: "kefu-repl-tests-shop")   // tests may force-unwrap

    static let engine: ChatEngine = try! ChatEngine.load(botFolder: folder)

    static let reference = try! ReferenceTime(iso8601: "2026-11-23T10:00:00+08:00")

    /// A session on the shop bot with a fixed clock; `:reload` loads `folder` again.
    static func session(_ style: ChatStyle = .terminal) -> ChatSession {
        ChatSession(engine: engine, botFolder: folder, style: style, clock: { reference },
                    loader: { folder throws(ChatEngineError) in try ChatEngine.load(botFolder: folder) })
    }

    /// Runs `lines` through a fresh session; returns the session and what it wrote.
    static func run(_ lines: [String], style: ChatStyle = .terminal) -> (ChatSession, RecordedOutput) {
        var session = session(style)
        var source = ScriptedLines(lines)
        var output = RecordedOutput()
        session.run(lines: &source, output: &output)
        return (session, output)
    }
}
