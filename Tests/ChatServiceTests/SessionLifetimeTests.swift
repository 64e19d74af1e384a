import ChatCore
@testable import ChatService
import Dialogue
import Foundation
import KefuTestSupport
import SessionStorage
import Testing

/// How long sessions live in the hub: the idle timeout and the bounded session table.
@Suite struct SessionLifetimeTests {
    @Test func aLineAfterTheIdleTimeoutStartsAFreshContextAndKeepsTheHistory() async throws {
        let clock = TestClock()
        let hub = try await ConversationHub(engine: try ShopBot.engine(), rateLimit: .unlimited, idleTimeout: 1_800, clock: clock.function)
        let asked = try await hub.say("我要取消订单", in: "idle", at: ShopBot.now)
        #expect(asked.state.pending != nil)
        clock.advance(600)
        let within = try await hub.say("我要取消订单", in: "idle-2", at: ShopBot.now)
        #expect(within.state.turns == 1)
        clock.advance(1_300)   // 1,900 s after the first session's line
        let after = try await hub.say("20241105123456", in: "idle", at: ShopBot.now)
        #expect(after.state.turns == 2)                       // the conversation goes on…
        #expect(after.state.activeIntent != "cancel_order")   // …but the open form was dropped
        #expect(after.state.pending == nil || after.state.activeIntent != "cancel_order")
        #expect(try await hub.snapshot(of: "idle").messages.count == 4)
    }

    @Test func withinTheTimeoutTheFormGoesOn() async throws {
        let clock = TestClock()
        let hub = try await ConversationHub(engine: try ShopBot.engine(), rateLimit: .unlimited, idleTimeout: 1_800, clock: clock.function)
        _ = try await hub.say("我要取消订单", in: "busy", at: ShopBot.now)
        clock.advance(1_700)
        let next = try await hub.say("20241105123456", in: "busy", at: ShopBot.now)
        #expect(next.state.activeIntent == "cancel_order")
        #expect(next.state.slots["order_id"] == "20241105123456")
    }

    @Test func theSessionTableStaysWithinItsCapacityAndAStoredSessionComesBack() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try SQLiteSessionStore(path: directory.path("lru.db"))
        let hub = try await ConversationHub(engine: try ShopBot.engine(), store: store, rateLimit: .unlimited, sessionCapacity: 10)
        _ = try await hub.say("我要取消订单", in: "first", at: ShopBot.now)
        for index in 0..<40 { _ = try await hub.say("你好", in: "s\(index)", at: ShopBot.now) }
        #expect(hub.table.withLock { $0.sessions.count } <= 10)
        #expect(hub.table.withLock { $0.sessions["first"] } == nil)
        // Dropped from memory, read back from the store: the cancel form is still open.
        let next = try await hub.say("20241105123456", in: "first", at: ShopBot.now)
        #expect(next.state.turns == 2)
        #expect(next.state.slots["order_id"] == "20241105123456")
    }

    @Test func aSessionWithAnOpenConnectionIsNeverDropped() async throws {
        let hub = try await ConversationHub(engine: try ShopBot.engine(), rateLimit: .unlimited, sessionCapacity: 5)
        let (id, _) = hub.subscribe(to: "watched")
        _ = try await hub.say("我要取消订单", in: "watched", at: ShopBot.now)
        for index in 0..<30 { _ = try await hub.say("你好", in: "s\(index)", at: ShopBot.now) }
        #expect(hub.table.withLock { $0.sessions["watched"] } != nil)
        hub.unsubscribe(id, from: "watched")
    }

    /// Many new sessions at once on an SQLite store (a blocking read once deadlocked the pool).
    @Test func manyNewSessionsAtOnceOnAnSQLiteStore() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let store = try SQLiteSessionStore(path: directory.path("many.db"))
        let hub = try await ConversationHub(engine: try ShopBot.engine(), store: store, rateLimit: .unlimited)
        let turns = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<64 { group.addTask { try await hub.say("你好", in: "many-\(index)", at: ShopBot.now).state.turns } }
            var turns = 0
            for try await count in group { turns += count }
            return turns
        }
        #expect(turns == 64)
        #expect(try await store.load("many-63")?.version == 1)
    }
}
