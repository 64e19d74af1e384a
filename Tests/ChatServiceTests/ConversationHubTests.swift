import ChatCore
import ChatEngine
@testable import ChatService
import Dialogue
import Entities
import Foundation
import KefuTestSupport
import SessionStorage
import Synchronization
import Testing
import Transcripts

/// The shop fixture bot, loaded once for the suite.
enum ShopBot {
    static let loaded: Result<ChatEngine, any Error> = Result {
        try ChatEngine.load(botFolder: try FixtureBot.writeShop(stableFolder: "kefu-service-tests"))
    }

    static func engine() throws -> ChatEngine { try loaded.get() }

    static let now: ReferenceTime = {
        (try? ReferenceTime(year: 2026, month: 11, day: 23, hour: 10, timeZone: TimeZone(secondsFromGMT: 8 * 3600) ?? .current))
            ?? ReferenceTime(Date())
    }()
}

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let seconds = Mutex(1_800_000_000.0)
    var now: Double { seconds.withLock { $0 } }
    func advance(_ by: Double) { seconds.withLock { $0 += by } }
    var function: @Sendable () -> Double { { self.now } }
}

/// Collects a stream's events for checking.
final class Collected<Event: Sendable>: Sendable {
    private let events = Mutex<[Event]>([])

    init(_ stream: AsyncStream<Event>) {
        Task { for await event in stream { self.append(event) } }
    }

    private func append(_ event: Event) { events.withLock { $0.append(event) } }

    /// The events so far, after giving the stream a moment to deliver.
    func settled() async -> [Event] {
        for _ in 0..<50 {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return events.withLock { $0 }
    }
}

@Suite struct ConversationHubTests {
    @Test func answersLikeTheEngineTurnByTurn() async throws {
        let engine = try ShopBot.engine()
        let hub = try await ConversationHub(engine: engine, rateLimit: .unlimited)
        var state = DialogueState.start
        for line in ["我想退货", "20241105123456", "尺码不合适", "运费谁出"] {
            let (expected, next) = engine.respond(to: line, in: state, at: ShopBot.now)
            state = next
            let turn = try await hub.say(line, in: "c1", at: ShopBot.now)
            #expect(turn.reply == expected)
            #expect(turn.state == next)
        }
        let snapshot = try await hub.snapshot(of: "c1")
        #expect(snapshot.messages.count == 8)
        #expect(snapshot.messages.map(\.author) == [.customer, .bot, .customer, .bot, .customer, .bot, .customer, .bot])
        #expect(snapshot.messages[0].text == "我想退货")
    }

    @Test func linesOfOneSessionAreAnsweredOneAtATimeInArrivalOrder() async throws {
        let hub = try await ConversationHub(engine: try ShopBot.engine(), rateLimit: .unlimited)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<40 {
                group.addTask { try await hub.say("你好 \(index)", in: "busy", at: ShopBot.now).state.turns }
            }
            var turns: [Int] = []
            for try await turn in group { turns.append(turn) }
            #expect(turns.sorted() == Array(1...40))   // each line saw the state the one before left
        }
        #expect(try await hub.snapshot(of: "busy").state.turns == 40)
    }

    @Test func aHandOffWaitsForAnAgentWhoAnswersLiveAndReleasesToTheBot() async throws {
        let clock = TestClock()
        let hub = try await ConversationHub(engine: try ShopBot.engine(), agentsEnabled: true, rateLimit: .unlimited, clock: clock.function)
        let customer = Collected(hub.subscribe(to: "c7").events)
        let agents = Collected(hub.subscribeAgent().events)

        let handoff = try await hub.say("转人工", in: "c7", at: ShopBot.now)
        #expect(handoff.reply?.handoff == true)
        #expect(handoff.handoff?.status == .waiting)
        #expect(handoff.handoff?.reason.kind == .asked)
        #expect(hub.queue().map(\.session) == ["c7"])

        let holding = try await hub.say("有人吗", in: "c7", at: ShopBot.now)
        #expect(holding.reply?.source.kind == "handoff")          // the holding message once…
        let quiet = try await hub.say("在吗", in: "c7", at: ShopBot.now)
        #expect(quiet.reply == nil)                                // …then quiet until the interval passes
        clock.advance(61)
        #expect(try await hub.say("还在吗", in: "c7", at: ShopBot.now).reply != nil)

        try await hub.claim("c7", agent: "王芳")
        try await hub.agentSay("您好，我是王芳，请问有什么可以帮您？", in: "c7", agent: "王芳")
        let withAgent = try await hub.say("我的快递丢了", in: "c7", at: ShopBot.now)
        #expect(withAgent.reply == nil)
        #expect(withAgent.handoff?.status == .claimed)
        let released = try await hub.release("c7", agent: "王芳")
        #expect(released.status == .released)
        #expect(hub.queue().isEmpty)
        let back = try await hub.say("运费怎么算", in: "c7", at: ShopBot.now)
        #expect(back.reply?.handoff == false)
        #expect(back.reply?.text.isEmpty == false)

        let seen = await customer.settled()
        #expect(seen.contains(.handoff(.waiting, agent: nil)))
        #expect(seen.contains(.handoff(.claimed, agent: "王芳")))
        #expect(seen.contains { if case .message(let message) = $0 { message.author == .agent && message.agent == "王芳" } else { false } })
        #expect(seen.contains(.handoff(.released, agent: "王芳")))
        let toAgents = await agents.settled()
        #expect(toAgents.contains { if case .message("c7", let message) = $0 { message.text == "我的快递丢了" } else { false } })
        #expect(toAgents.contains { if case .caseChanged(let item) = $0 { item.status == .claimed } else { false } })

        let history = try await hub.snapshot(of: "c7").messages
        #expect(history.map(\.author).filter { $0 == .agent }.count == 1)
        #expect(history.last?.author == .bot)
    }

    @Test func onlyTheAgentHoldingACaseMayWriteReleaseOrCloseIt() async throws {
        let hub = try await ConversationHub(engine: try ShopBot.engine(), agentsEnabled: true, rateLimit: .unlimited)
        _ = try await hub.say("转人工", in: "c8", at: ShopBot.now)
        await #expect(throws: ServiceError.self) { try await hub.agentSay("hi", in: "c8", agent: "王芳") }   // not claimed yet
        try await hub.claim("c8", agent: "王芳")
        do {
            try await hub.claim("c8", agent: "李雷")
            Issue.record("a second agent claimed a held case")
        } catch {
            #expect(error.code == .notYourCase)
        }
        do {
            try await hub.release("c8", agent: "李雷")
            Issue.record("another agent released the case")
        } catch {
            #expect(error.code == .notYourCase)
        }
        do {
            try await hub.claim("nobody", agent: "王芳")
            Issue.record("claimed a session that was never handed off")
        } catch {
            #expect(error.code == .notHandedOff)
        }
        let closed = try await hub.close("c8", agent: "王芳")
        #expect(closed.status == .closed)
        let fresh = try await hub.snapshot(of: "c8")
        #expect(fresh.state == .start)
        #expect(fresh.messages.isEmpty)
        #expect(fresh.handoff == nil)
    }

    @Test func withoutAgentsAHandOffOpensNoCase() async throws {
        let hub = try await ConversationHub(engine: try ShopBot.engine(), rateLimit: .unlimited)
        let turn = try await hub.say("转人工", in: "c9", at: ShopBot.now)
        #expect(turn.reply?.handoff == true)
        #expect(turn.handoff == nil)
        #expect(hub.queue().isEmpty)
        do {
            try await hub.claim("c9", agent: "王芳")
            Issue.record("claimed with the agent side off")
        } catch {
            #expect(error.code == .agentsDisabled)
        }
    }

    @Test func aFloodFromOneSessionIsLimitedAndOthersGoOn() async throws {
        let clock = TestClock()
        let hub = try await ConversationHub(engine: try ShopBot.engine(), rateLimit: .init(capacity: 3, perSecond: 1), clock: clock.function)
        for _ in 0..<3 { _ = try await hub.say("你好", in: "flood", at: ShopBot.now) }
        do {
            _ = try await hub.say("你好", in: "flood", at: ShopBot.now)
            Issue.record("the fourth line at once was answered")
        } catch {
            #expect(error.code == .rateLimited)
        }
        _ = try await hub.say("你好", in: "calm", at: ShopBot.now)
        clock.advance(1)
        _ = try await hub.say("你好", in: "flood", at: ShopBot.now)   // one token back after a second
        #expect(try await hub.snapshot(of: "flood").state.turns == 4)
    }

    @Test func unknownSessionsAreNotCreatedByLookingAtThem() async throws {
        let hub = try await ConversationHub(engine: try ShopBot.engine())
        do {
            _ = try await hub.snapshot(of: "never-seen")
            Issue.record("a snapshot of an unknown session")
        } catch {
            #expect(error.code == .unknownSession)
        }
        #expect(try await hub.exists("never-seen") == false)
        let issued = hub.newSession()
        #expect(issued.utf8.count == 32)
        #expect(try await hub.exists(issued))
    }

    @Test func theQueueAndTheConversationSurviveARestart() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path("sessions.db")
        do {
            let hub = try await ConversationHub(engine: try ShopBot.engine(), store: try SQLiteSessionStore(path: path),
                                          agentsEnabled: true, rateLimit: .unlimited)
            _ = try await hub.say("我想退货", in: "r1", at: ShopBot.now)
            _ = try await hub.say("转人工", in: "r1", at: ShopBot.now)
            try await hub.claim("r1", agent: "王芳")
            try await hub.agentSay("我来帮您处理退货", in: "r1", agent: "王芳")
            _ = try await hub.say("谢谢", in: "r1", at: ShopBot.now)
            _ = try await hub.say("转人工", in: "r2", at: ShopBot.now)
        }
        let hub = try await ConversationHub(engine: try ShopBot.engine(), store: try SQLiteSessionStore(path: path),
                                      agentsEnabled: true, rateLimit: .unlimited)
        let queue = hub.queue()
        #expect(queue.map(\.session) == ["r1", "r2"])
        #expect(queue.map(\.status) == [.claimed, .waiting])
        #expect(queue.first?.agent == "王芳")
        #expect(queue.first?.firstReplyAt != nil)
        let snapshot = try await hub.openCase("r1")
        #expect(snapshot.messages.map(\.author) == [.customer, .bot, .customer, .bot, .agent, .customer])
        #expect(snapshot.messages[4].text == "我来帮您处理退货")
        #expect(snapshot.state.handoff)
        let quiet = try await hub.say("在吗", in: "r1", at: ShopBot.now)
        #expect(quiet.reply == nil)   // still with the agent after the restart
    }

    @Test func aRecordedHandOffKeepsTheAgentsPartAndReplaysCleanly() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let engine = try ShopBot.engine()
        let hub = try await ConversationHub(engine: engine, agentsEnabled: true, rateLimit: .unlimited,
                                      recording: try RecordingFolder(folder: directory.path("transcripts"), mask: engine.privacyMask))
        _ = try await hub.say("运费怎么算", in: "t1", at: ShopBot.now)
        _ = try await hub.say("转人工", in: "t1", at: ShopBot.now)
        try await hub.claim("t1", agent: "王芳")
        try await hub.agentSay("您好，我是王芳", in: "t1", agent: "王芳")
        _ = try await hub.say("我的快递丢了", in: "t1", at: ShopBot.now)
        try await hub.agentSay("我帮您查一下", in: "t1", agent: "王芳")
        try await hub.release("t1", agent: "王芳")
        _ = try await hub.say("怎么开发票", in: "t1", at: ShopBot.now)

        let file = directory.path("transcripts/t1.yml")
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        #expect(yaml.contains("human: true"))
        #expect(yaml.contains(#"{ name: 王芳, text: "您好，我是王芳" }"#))
        #expect(yaml.contains("released: true"))
        let transcript = try Transcript.load(file: file)
        #expect(transcript.turns.map(\.user) == ["运费怎么算", "转人工", "我的快递丢了", "怎么开发票"])
        #expect(transcript.turns[1].agentMessages == [AgentLine(name: "王芳", text: "您好，我是王芳")])
        #expect(transcript.turns[2].human && transcript.turns[2].released)
        let result = transcript.replay(with: engine, clock: ShopBot.now)
        #expect(result.passed, "\(result.failedTurns.map(\.failures))")   // the bot's turns after the release replay as recorded
    }

    @Test func aFailedWriteChangesNothingAndTheLineMayBeSentAgain() async throws {
        let store = SwitchableStore()
        let hub = try await ConversationHub(engine: try ShopBot.engine(), store: store, rateLimit: .unlimited)
        _ = try await hub.say("我想退货", in: "s1", at: ShopBot.now)
        store.failing.withLock { $0 = true }
        do {
            _ = try await hub.say("20241105123456", in: "s1", at: ShopBot.now)
            Issue.record("a turn was answered although it could not be stored")
        } catch {
            #expect(error.code == .storeFailed)
        }
        #expect(try await hub.snapshot(of: "s1").state.turns == 1)
        store.failing.withLock { $0 = false }
        let again = try await hub.say("20241105123456", in: "s1", at: ShopBot.now)
        #expect(again.state.turns == 2)
        #expect(store.turns.withLock { $0.map(\.text) } == ["我想退货", "20241105123456"])
    }
}

/// A store in memory that can be told to fail.
final class SwitchableStore: SessionStore, Sendable {
    let failing = Mutex(false)
    let turns = Mutex<[TurnRecord]>([])

    func load(_ session: String) async throws(StoreError) -> StoredSession? { nil }

    func save(_ batch: StoreBatch) async throws(StoreError) -> Set<String> {
        if failing.withLock({ $0 }) { throw StoreError("disk full") }
        turns.withLock { $0 += batch.turns }
        return []
    }

    func openHandoffs() async throws(StoreError) -> [HandoffCase] { [] }
    func openHandoff(of session: String) async throws(StoreError) -> HandoffCase? { nil }
    func conversation(_ session: String, _ conversation: Int) async throws(StoreError) -> StoredConversation { StoredConversation() }
    func prune(before time: Double) async throws(StoreError) -> Int { 0 }
    func export(_ body: (StoreRecord) throws -> Void) async throws(StoreError) {}
    func importRecords(_ records: [StoreRecord]) async throws(StoreError) {}
}
