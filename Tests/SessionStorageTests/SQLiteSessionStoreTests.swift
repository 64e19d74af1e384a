import ChatCore
@testable import SessionStorage
import Dialogue
import Foundation
import KefuTestSupport
import StoreConformance
import Synchronization
import Testing

/// The SQLite session store: round trips, the schema version, refusing files it must not write.
@Suite struct SQLiteSessionStoreTests {
    @Test func doesWhatEveryStoreDoes() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let counter = Mutex(0)
        try await StoreConformance.runAll {
            let number = counter.withLock { count in
                count += 1
                return count
            }
            return try SQLiteSessionStore(path: directory.path("conformance-\(number).db"))
        }
    }

    @Test func savesAndLoadsSessionsAndTurnsAcrossReopening() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path("sessions.db")
        let state = DialogueState(turns: 2, activeIntent: "order_status", slots: ["order_id": "20241105123456"], fallbacks: 1)
        do {
            let store = try SQLiteSessionStore(path: path)
            #expect(try await store.load("c1") == nil)
            let reply = Reply(text: "订单已发货", understood: IntentScore(name: "order_status", confidence: 0.9), policy: .intentReply, reason: "test")
            var batch = StoreBatch()
            batch.sessions = [("c1", StoredSession(state: state, conversation: 3))]
            batch.turns = [TurnRecord(session: "c1", conversation: 3, turn: 2, time: 1_700_000_000, text: "20241105123456", reply: reply)]
            #expect(try await store.save(batch).isEmpty)
            #expect(try await store.load("c1")?.state == state)
        }
        let reopened = try SQLiteSessionStore(path: path)
        #expect(try await reopened.load("c1")?.state == state)
        #expect(try await reopened.load("c1")?.version == 1)
    }

    @Test func aSecondServerCannotOpenTheSameStore() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let first = try SQLiteSessionStore(path: directory.path("s.db"))
        #expect(throws: StoreError.self) { try SQLiteSessionStore(path: directory.path("s.db")) }
        _ = first
    }

    @Test func refusesFilesThatAreNotKefuStores() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let garbage = try directory.write("garbage.db", Array(repeating: UInt8(0x5A), count: 4096))
        let error = #expect(throws: StoreError.self) { try SQLiteSessionStore(path: garbage) }
        #expect(error?.description.contains("not a database") == true)
        #expect(throws: StoreError.self) { try SQLiteSessionStore(path: directory.path("missing-folder/s.db")) }
    }
}
