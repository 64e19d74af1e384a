import SessionStorage
import ChatEngine
import ChatStdio
import Entities
import Foundation
import KefuTestSupport

/// The shop fixture bot, loaded once for every in-process test, and helpers to talk to it.
enum ShopEngine {
    /// The shop fixture in one folder shared by every test of the run (and the next run: the
    /// engine's model cache in it stays valid while the fixture does not change).
    static let folder: Result<String, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kefu-stdio-tests/shop")
        let tables = folder.appendingPathComponent("knowledge-base/tables")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("intents"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: tables, withIntermediateDirectories: true)
        try Data(FixtureBot.shopIntents.utf8).write(to: folder.appendingPathComponent("intents/shop.yml"))
        try Data(FixtureBot.shopKnowledgeBase.utf8).write(to: folder.appendingPathComponent("knowledge-base/faq.yml"))
        try Data(FixtureBot.shopOrders.utf8).write(to: tables.appendingPathComponent("orders.csv"))
        return folder.path
    }

    static let loaded: Result<ChatEngine, any Error> = Result { try ChatEngine.load(botFolder: try folder.get()) }

    static func engine() throws -> ChatEngine { try loaded.get() }

    /// A server on the shop bot with a fixed clock.
    static func server(store: (any SessionStore)? = nil) throws -> StdioServer {
        var server = StdioServer(engine: try engine(), store: store)
        server.clock = { fixedNow }
        return server
    }

    static let fixedNow: ReferenceTime = {
        (try? ReferenceTime(year: 2026, month: 11, day: 23, hour: 10, timeZone: TimeZone(secondsFromGMT: 8 * 3600) ?? .current))
            ?? ReferenceTime(Date())
    }()
}

/// Output lines of the adapter, each parsed.
struct OutputLines {
    let lines: [String]

    init(_ bytes: [UInt8]) {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        lines = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// JSON lines as input bytes.
func input(_ lines: [String]) -> [UInt8] { Array(lines.map { $0 + "\n" }.joined().utf8) }

