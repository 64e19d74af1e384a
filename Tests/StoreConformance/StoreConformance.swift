import ChatCore
import Dialogue
import SessionStorage
import Testing

/// What every ``SessionStore`` must do, run by the SQLite tests and the PostgreSQL tests alike:
/// each check gets a fresh, empty store from `make`.
public enum StoreConformance {
    public typealias Make = @Sendable () async throws -> any SessionStore

    /// Every check, one after another, each on a store of its own.
    public static func runAll(_ make: Make) async throws {
        try await roundTrip(make())
        try await versionsRefuseAStaleWrite(make())
        try await twoNewSessionsOfOneNameConflict(make())
        try await handoffQueue(make())
        try await conversationOrder(make())
        try await prune(make())
        try await masking(make())
        try await exportThenImport(from: make(), into: make())
    }

    static let reply = Reply(text: "订单已发货", understood: IntentScore(name: "order_status", confidence: 0.9),
                             policy: .intentReply, reason: "test")

    static func turn(_ session: String, _ number: Int, _ text: String, conversation: Int = 0, time: Double = 1_800_000_000) -> TurnRecord {
        TurnRecord(session: session, conversation: conversation, turn: number, time: time, text: text, reply: reply)
    }

    static func batch(_ sessions: [(String, StoredSession)], turns: [TurnRecord] = []) -> StoreBatch {
        var batch = StoreBatch()
        batch.sessions = sessions
        batch.turns = turns
        return batch
    }

    /// A new session is written at version 1 with its turn; loading gives it back.
    public static func roundTrip(_ store: any SessionStore) async throws {
        #expect(try await store.load("c1") == nil)
        let state = DialogueState(turns: 1, activeIntent: "order_status", slots: ["order_id": "20241105123456"], fallbacks: 1)
        let conflicts = try await store.save(batch([("c1", StoredSession(state: state, conversation: 3))],
                                                   turns: [turn("c1", 1, "20241105123456", conversation: 3)]))
        #expect(conflicts.isEmpty)
        let loaded = try #require(try await store.load("c1"))
        #expect(loaded.state == state)
        #expect(loaded.conversation == 3)
        #expect(loaded.version == 1)
        #expect(loaded.updatedAt > 0)
        let conversation = try await store.conversation("c1", 3)
        #expect(conversation.turns.map(\.user) == ["20241105123456"])
        #expect(conversation.turns.map(\.reply) == ["订单已发货"])
        #expect(try await store.conversation("c1", 0).turns.isEmpty)
    }

    /// A save that expects a version the session has moved past writes nothing of that session
    /// and reports it; the other sessions of the batch are written.
    public static func versionsRefuseAStaleWrite(_ store: any SessionStore) async throws {
        _ = try await store.save(batch([("a", StoredSession()), ("b", StoredSession())], turns: [turn("a", 1, "一"), turn("b", 1, "一")]))
        let a = try #require(try await store.load("a"))
        let b = try #require(try await store.load("b"))
        var next = a
        next.state.turns = 2
        #expect(try await store.save(batch([("a", next)], turns: [turn("a", 2, "二")])).isEmpty)
        // A second server still holding version 1 of `a`:
        var stale = a
        stale.state.turns = 2
        var bNext = b
        bNext.state.turns = 2
        let conflicts = try await store.save(batch([("a", stale), ("b", bNext)], turns: [turn("a", 2, "别的"), turn("b", 2, "二")]))
        #expect(conflicts == ["a"])
        #expect(try await store.conversation("a", 0).turns.map(\.user) == ["一", "二"])
        #expect(try await store.conversation("b", 0).turns.map(\.user) == ["一", "二"])
        #expect(try await store.load("a")?.version == 2)
        #expect(try await store.load("b")?.version == 2)
    }

    /// Two servers both starting a session of the same name: the second is told.
    public static func twoNewSessionsOfOneNameConflict(_ store: any SessionStore) async throws {
        #expect(try await store.save(batch([("n", StoredSession())], turns: [turn("n", 1, "第一")])).isEmpty)
        #expect(try await store.save(batch([("n", StoredSession())], turns: [turn("n", 1, "第二")])) == ["n"])
        #expect(try await store.conversation("n", 0).turns.map(\.user) == ["第一"])
    }

    /// Cases come back while open, oldest first, and leave the queue when closed.
    public static func handoffQueue(_ store: any SessionStore) async throws {
        var first = HandoffCase(session: "h1", conversation: 0, turn: 1, reason: HandoffReason(.asked, cue: "转人工"), requestedAt: 100)
        let second = HandoffCase(session: "h2", conversation: 0, turn: 1, reason: HandoffReason(.anger), requestedAt: 200)
        var opening = batch([("h1", StoredSession()), ("h2", StoredSession())])
        opening.handoffs = [second, first]
        _ = try await store.save(opening)
        #expect(try await store.openHandoffs() == [first, second])
        #expect(try await store.openHandoff(of: "h2") == second)
        first.status = .claimed
        first.agent = "王芳"
        first.claimedAt = 150
        var claiming = batch([("h1", try #require(try await store.load("h1")))])
        claiming.handoffs = [first]
        claiming.agentMessages = [AgentMessage(session: "h1", conversation: 0, afterTurn: 1, time: 160, agent: "王芳", text: "您好，我是王芳")]
        #expect(try await store.save(claiming).isEmpty)
        #expect(try await store.openHandoff(of: "h1") == first)
        first.status = .closed
        first.endedAt = 170
        var closing = batch([("h1", try #require(try await store.load("h1")))])
        closing.handoffs = [first]
        _ = try await store.save(closing)
        #expect(try await store.openHandoffs() == [second])
        #expect(try await store.openHandoff(of: "h1") == nil)
        #expect(try await store.conversation("h1", 0).agentMessages.map(\.text) == ["您好，我是王芳"])
    }

    /// A conversation's turns come back in turn order, whatever order the batches were in.
    public static func conversationOrder(_ store: any SessionStore) async throws {
        _ = try await store.save(batch([("o", StoredSession())], turns: [turn("o", 1, "一"), turn("o", 2, "二")]))
        var next = try #require(try await store.load("o"))
        next.state.turns = 3
        _ = try await store.save(batch([("o", next)], turns: [turn("o", 3, "三")]))
        #expect(try await store.conversation("o", 0).turns.map(\.turn) == [1, 2, 3])
    }

    /// Pruning removes sessions last written before the cutoff, with their history.
    public static func prune(_ store: any SessionStore) async throws {
        _ = try await store.save(batch([("old", StoredSession())], turns: [turn("old", 1, "旧")]))
        let cutoff = try #require(try await store.load("old")).updatedAt + 0.001
        try await Task.sleep(for: .milliseconds(20))
        _ = try await store.save(batch([("new", StoredSession())], turns: [turn("new", 1, "新")]))
        #expect(try await store.prune(before: cutoff) == 1)
        #expect(try await store.load("old") == nil)
        #expect(try await store.conversation("old", 0).turns.isEmpty)
        #expect(try await store.load("new") != nil)
        #expect(try await store.prune(before: cutoff) == 0)
    }

    /// Phone numbers in what is written are masked.
    public static func masking(_ store: any SessionStore) async throws {
        _ = try await store.save(batch([("m", StoredSession())], turns: [turn("m", 1, "我的手机号是13812345678")]))
        #expect(try await store.conversation("m", 0).turns.map(\.user) == ["我的手机号是138****5678"])
    }

    /// What one store exports, another imports and exports the same.
    public static func exportThenImport(from source: any SessionStore, into target: any SessionStore) async throws {
        var opening = batch([("x1", StoredSession(state: DialogueState(turns: 2, activeIntent: "order_status", slots: [:], fallbacks: 0)))],
                            turns: [turn("x1", 1, "一"), turn("x1", 2, "二")])
        opening.handoffs = [HandoffCase(session: "x1", conversation: 0, turn: 2, reason: HandoffReason(.asked, cue: "转人工"), requestedAt: 10)]
        opening.agentMessages = [AgentMessage(session: "x1", conversation: 0, afterTurn: 2, time: 11, agent: "王芳", text: "您好")]
        _ = try await source.save(opening)
        let rows = Rows()
        try await source.export { rows.append($0) }
        let exported = rows.all
        #expect(exported.count == 5)
        _ = try await target.prune(before: .infinity)   // (the two may be one database)
        try await target.importRecords(exported)
        let again = Rows()
        try await target.export { again.append($0) }
        #expect(again.all == exported)
        #expect(try await target.load("x1")?.state.activeIntent == "order_status")
        #expect(try await target.openHandoffs().map(\.session) == ["x1"])
        #expect(try await target.conversation("x1", 0).agentMessages.map(\.text) == ["您好"])
        #expect(try await target.conversation("x1", 0).turns.map(\.user) == ["一", "二"])
    }
}

/// Rows collected from an export.
final class Rows: @unchecked Sendable {
    private(set) var all: [StoreRecord] = []
    func append(_ record: StoreRecord) { all.append(record) }
}
