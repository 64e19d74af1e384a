import ChatCore
import ChatEngine
import ChatService
import Dialogue
import Foundation
import KefuTestSupport
import PostgresNIO
import PostgresStore
import SessionStorage
import StoreConformance
import Synchronization
import Testing

/// The shop fixture bot, loaded once for the suite.
enum ShopBot {
    static let loaded: Result<ChatEngine, any Error> = Result {
        try ChatEngine.load(botFolder: try FixtureBot.writeShop(stableFolder: "kefu-postgres-tests"))
    }

    static func engine() throws -> ChatEngine { try loaded.get() }
}

/// The PostgreSQL session store against the tests' real server: the same checks as the SQLite
/// store, then what only a shared store does — two servers on one database.
@Suite(.enabled(if: TestPostgres.enabled, "no PostgreSQL (set KEFU_TEST_POSTGRES_URL, or run .ci/run)"))
struct PostgresSessionStoreTests {
    static func open(_ address: PostgresAddress) async throws -> PostgresSessionStore {
        try await PostgresSessionStore.open(address, logger: TestPostgres.logger)
    }

    @Test func doesWhatEveryStoreDoes() async throws {
        try await TestPostgres.withFreshDatabase { address in
            let opened = EventLog<PostgresSessionStore>()
            defer { for store in opened.withLock({ $0 }) { store.close() } }
            try await StoreConformance.runAll {
                let store = try await Self.open(address)
                // Each check starts from empty tables.
                _ = try await store.prune(before: .infinity)
                opened.append(store)
                return store
            }
        }
    }

    @Test func anotherServersWritesAreAnnouncedAndItsOwnAreNot() async throws {
        try await TestPostgres.withFreshDatabase { address in
            let first = try await Self.open(address)
            let second = try await Self.open(address)
            defer {
                first.close()
                second.close()
            }
            let heardBySecond = EventLog<StoreChange>()
            let heardByFirst = EventLog<StoreChange>()
            let secondStream = second.changes()
            let firstStream = first.changes()
            let listeners = [
                Task { for await change in secondStream { heardBySecond.append(change) } },
                Task { for await change in firstStream { heardByFirst.append(change) } },
            ]
            defer { for listener in listeners { listener.cancel() } }
            try await Task.sleep(for: .milliseconds(300))   // LISTEN is in place
            var batch = StoreBatch()
            batch.sessions = [("s1", StoredSession()), ("s2", StoredSession())]
            batch.handoffs = [HandoffCase(session: "s2", conversation: 0, turn: 1, reason: HandoffReason(.asked), requestedAt: 1)]
            #expect(try await first.save(batch).isEmpty)
            for _ in 0..<100 where heardBySecond.withLock({ $0.count }) < 2 { try await Task.sleep(for: .milliseconds(20)) }
            #expect(heardBySecond.withLock { $0 } == [StoreChange(session: "s1", handoff: false), StoreChange(session: "s2", handoff: true)])
            #expect(heardByFirst.withLock { $0 }.isEmpty)
        }
    }

    /// The race: two servers take lines of the same ten sessions at the same moment. Every line
    /// is stored exactly once, each session's turns are numbered 1…n without a gap or a repeat
    /// (no turn was answered from a state another had already moved past), and each sender's
    /// lines keep their order.
    @Test func twoServersShareSessionsWithoutLosingAnUpdate() async throws {
        let engine = try ShopBot.engine()
        try await TestPostgres.withFreshDatabase { address in
            let stores = [try await Self.open(address), try await Self.open(address)]
            defer { for store in stores { store.close() } }
            var hubs: [ConversationHub] = []
            for store in stores { hubs.append(try await ConversationHub(engine: engine, store: store, rateLimit: .unlimited)) }
            let servers = hubs
            let linesPerSender = 20
            let sessions = (0..<10).map { "race-\($0)" }
            // Per session one sender on each server, all at once.
            let replies = try await withThrowingTaskGroup(of: (String, Int, [Int]).self) { group in
                for session in sessions {
                    for server in 0..<2 {
                        group.addTask {
                            var turns: [Int] = []
                            for line in 0..<linesPerSender {
                                let turn = try await servers[server].say("S\(server)-\(line) 我的订单到哪了", in: session)
                                turns.append(turn.state.turns)
                            }
                            return (session, server, turns)
                        }
                    }
                }
                var all: [(String, Int, [Int])] = []
                for try await result in group { all.append(result) }
                return all
            }
            for (_, _, turns) in replies { #expect(turns == turns.sorted() && Set(turns).count == turns.count) }
            for session in sessions {
                let stored = try await stores[0].conversation(session, 0)
                #expect(stored.turns.map(\.turn) == Array(1...(2 * linesPerSender)), "session \(session)")
                for server in 0..<2 {
                    let mine = stored.turns.filter { $0.user.hasPrefix("S\(server)-") }.map(\.user)
                    #expect(mine == (0..<linesPerSender).map { "S\(server)-\($0) 我的订单到哪了" }, "session \(session) server \(server)")
                }
                #expect(try await stores[1].load(session)?.state.turns == 2 * linesPerSender)
            }
        }
    }

    /// PostgreSQL stops under a running server: the line in between fails with `store_failed`
    /// (HTTP 503) within the connection wait and nothing of it is stored; once PostgreSQL is back,
    /// the same server answers again without a restart.
    @Test func aStoppedDatabaseFailsTheLineBetweenAndServingResumes() async throws {
        let engine = try ShopBot.engine()
        let cluster = try OwnCluster.start()
        defer { cluster.remove() }
        let store = try await Self.open(try PostgresAddress(cluster.url))
        defer { store.close() }
        let hub = try await ConversationHub(engine: engine, store: store, rateLimit: .unlimited)
        defer { hub.shutDown() }
        _ = try await hub.say("你好", in: "f1")
        try cluster.pause()
        await #expect { _ = try await hub.say("我的订单到哪了", in: "f1") } throws: { ($0 as? ServiceError)?.code == .storeFailed }
        try cluster.resume()
        var answered: Int?
        for _ in 0..<100 where answered == nil {
            answered = try? await hub.say("我的订单到哪了", in: "f1").state.turns
            if answered == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(answered == 2)
        #expect(try await store.conversation("f1", 0).turns.map(\.user) == ["你好", "我的订单到哪了"])
    }

    /// A customer's socket on one server, the agent on the other: the case, the claim and the
    /// agent's words reach the customer, and the agent's queue shows the case.
    @Test func anAgentOnOneServerReachesACustomerOnTheOther() async throws {
        let engine = try ShopBot.engine()
        try await TestPostgres.withFreshDatabase { address in
            let stores = [try await Self.open(address), try await Self.open(address)]
            defer { for store in stores { store.close() } }
            let customerSide = try await ConversationHub(engine: engine, store: stores[0], agentsEnabled: true, rateLimit: .unlimited)
            let agentSide = try await ConversationHub(engine: engine, store: stores[1], agentsEnabled: true, rateLimit: .unlimited)
            defer {
                customerSide.shutDown()
                agentSide.shutDown()
            }
            try await Task.sleep(for: .milliseconds(300))   // both LISTEN
            let events = EventLog<ChatEvent>()
            let (id, stream) = customerSide.subscribe(to: "c1")
            let listener = Task { for await event in stream { events.append(event) } }
            defer {
                customerSide.unsubscribe(id, from: "c1")
                listener.cancel()
            }
            let asked = try await customerSide.say("转人工", in: "c1", origin: id)
            #expect(asked.handoff?.status == .waiting)
            for _ in 0..<100 where agentSide.queue().isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            #expect(agentSide.queue().map(\.session) == ["c1"])
            try await agentSide.claim("c1", agent: "王芳")
            try await agentSide.agentSay("您好，我是王芳，马上帮您查", in: "c1", agent: "王芳")
            func agentLine() -> Bool {
                events.withLock { $0.contains { if case .message(let message) = $0 { message.author == .agent } else { false } } }
            }
            for _ in 0..<100 where !agentLine() { try await Task.sleep(for: .milliseconds(20)) }
            let seen = events.withLock { $0 }
            #expect(seen.contains(.handoff(.claimed, agent: "王芳")))
            #expect(seen.contains { if case .message(let message) = $0 { message.text == "您好，我是王芳，马上帮您查" } else { false } })
            // The customer's next line on their server reaches the agent's queue as the case's line, not the bot.
            let waiting = try await customerSide.say("好的谢谢", in: "c1")
            #expect(waiting.reply == nil)
            #expect(waiting.handoff?.agent == "王芳")
        }
    }
}

/// What a stream delivered, for checking from the test.
final class EventLog<Event: Sendable>: Sendable {
    private let events = Mutex<[Event]>([])

    init() {}

    func append(_ event: Event) { events.withLock { $0.append(event) } }

    func withLock<Value>(_ body: ([Event]) -> Value) -> Value { events.withLock { body($0) } }
}
