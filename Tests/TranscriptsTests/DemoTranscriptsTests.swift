import BotDefinition
import ChatCore
import ChatEngine
import Entities
import Foundation
import Testing
import Transcripts

/// The demo transcripts in `transcripts/` (issue 7): each replays green against the demo bot at
/// the repository root, through the same `respond` the live front ends use, so `swift test`
/// catches a change to the bot that breaks a conversation; together they cover every intent, at
/// least 30 knowledge-base entries and every dialogue policy.
///
/// 「我想退货」 → 「请提供您的订单号（14位数字）。」 → 「20261105123456」 → 「订单 20261105123456（小蜜纯棉T恤 白色 L ×2）的退货申请已提交。…」
@Suite struct DemoTranscriptsTests {
    /// The transcripts' file names, listed when the tests are discovered (one test case each).
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Demo.transcriptFolder)) ?? []
        return names.filter(TranscriptFiles.isTranscript).sorted()
    }()

    @Test(arguments: files)
    func replaysGreen(file: String) throws {
        let transcript = try Transcript.load(file: Demo.transcriptFolder + "/" + file)
        let result = transcript.replay(with: try Demo.engine(), clock: Demo.clock)
        let passed = result.passed
        #expect(passed, "\(file) failed:\n\(result.diff)")
        #expect(result.turns.count == transcript.turns.count)
    }

    @Test func thereAreAtLeastFortyNamedTranscripts() throws {
        let transcripts = try Demo.transcripts()
        #expect(transcripts.count >= 40)
        for transcript in transcripts {
            #expect(!transcript.name.isEmpty && !transcript.turns.isEmpty, "\(transcript.file ?? transcript.name)")
        }
        #expect(Set(transcripts.map(\.name)).count == transcripts.count, "two transcripts share a name")
    }

    /// Every intent whose words a reply can be is an `intent:` check somewhere. The intents that
    /// only drive a policy are checked by where their replies come from: a hand-off (`human_agent`,
    /// yes to the offer: `affirm`), a reset, the apology (`complaint`), a form declined (`deny`);
    /// `out_of_scope`, which the dialogue reports as no intent (a miss), is covered by a line among
    /// its examples that checks `intent: null`. Every intent named is one of the bot's.
    @Test func everyIntentIsChecked() throws {
        let bot = try Demo.bot()
        let checks = try Demo.transcripts().flatMap(\.turns)
        let checked = Set(checks.compactMap { $0.checks.intent ?? nil })
        let outOfScope = "out_of_scope"
        let policyOnly = ["affirm", "deny", "human_agent", "reset", "complaint"]
        let expected = Set(bot.intents.map(\.name)).subtracting([outOfScope] + policyOnly)
        #expect(expected.count >= 22)
        let sources = Set(checks.compactMap(\.checks.source))
        for source in ["handoff asked", "message reset", "message frustration", "handoff anger", "handoff misses"] {
            #expect(sources.contains(source), "no turn checks source: \(source)")
        }
        #expect(expected.subtracting(checked).isEmpty, "intents without a check: \(expected.subtracting(checked).sorted())")
        #expect(checked.subtracting(expected).isEmpty, "intents the bot does not have: \(checked.subtracting(expected).sorted())")

        let examples = Set(bot.intent(named: outOfScope)?.examples.map(\.text) ?? [])
        let missed = checks.filter { $0.checks.intent == .some(nil) && examples.contains($0.user) }
        #expect(!examples.isEmpty && !missed.isEmpty, "no out_of_scope example checked as intent: null")
    }

    /// At least 30 distinct knowledge-base entries are `answer:` checks, each an id of the bot's.
    @Test func atLeastThirtyKnowledgeBaseEntriesAreChecked() throws {
        let bot = try Demo.bot()
        let answers = Set(try Demo.transcripts().flatMap(\.turns).compactMap { $0.checks.answer ?? nil })
        let known = Set(bot.knowledgeBase.map(\.id))
        #expect(answers.count >= 30, "only \(answers.count) knowledge-base entries checked")
        #expect(answers.subtracting(known).isEmpty, "answer ids the bot does not have: \(answers.subtracting(known).sorted())")
    }

    /// The replayed replies use every dialogue policy (forms, lookups, confirmation, follow-ups,
    /// fallback, hand-off, frustration, reset …), a digression (an answer, then the form's
    /// question again) and a follow-up asked while a form waits.
    @Test func everyDialoguePolicyIsUsed() throws {
        let engine = try Demo.engine()
        let replies = try Demo.transcripts().flatMap { $0.replay(with: engine, clock: Demo.clock).turns.map(\.reply) }
        let used = Set(replies.map(\.policy))
        let unused = ReplyPolicy.allCases.filter { !used.contains($0) }
        #expect(unused.isEmpty, "policies no demo transcript shows: \(unused.map(\.rawValue))")

        let resume = "回到刚才的问题："
        #expect(replies.contains { $0.policy == .knowledgeAnswer && $0.text.contains(resume) }, "no digression inside a form")
        #expect(replies.contains { $0.policy == .followUp && $0.text.contains(resume) }, "no follow-up inside a form")
        #expect(replies.contains { $0.policy == .slotInvalid }, "no invalid slot value")
        #expect(replies.contains { $0.handoff && $0.policy == .handoff && $0.intent == nil }, "no hand-off after misses")
    }
}

/// The demo bot and its transcripts, found from this file's path
/// (`Tests/TranscriptsTests/DemoTranscriptsTests.swift` → the repository root).
private enum Demo {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let transcriptFolder = root + "/transcripts"

    /// The time transcripts without `now:` are replayed at (the clock, as `kefu replay` does).
    static let clock = ReferenceTime(Date())

    /// Loaded once per test process: the cached model in `.kefu/` when the bot has not changed.
    private static let loadedEngine = Result { () throws(ChatEngineError) in try ChatEngine.load(botFolder: root) }
    private static let loadedBot = Result { () throws(BotLoadError) in try Bot.load(from: root) }
    private static let loadedTranscripts = Result { () throws(TranscriptError) in
        try TranscriptFiles.expand([transcriptFolder]).map { file throws(TranscriptError) in try Transcript.load(file: file) }
    }

    static func engine() throws -> ChatEngine { try loadedEngine.get() }
    static func bot() throws -> Bot { try loadedBot.get() }
    static func transcripts() throws -> [Transcript] { try loadedTranscripts.get() }
}
