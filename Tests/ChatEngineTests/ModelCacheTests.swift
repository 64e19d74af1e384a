/// The engine's model cache: a second load reads `.kefu/` instead of training, a changed bot
/// file retrains, a damaged cache file is retrained over with a warning, and a folder the model
/// cannot be written to still gives a working engine.
import ChatCore
import ChatEngine
import Dialogue
import Entities
import Foundation
import KefuTestSupport
import Testing

@Suite("Model cache")
struct ModelCacheTests {
    static let reference = try! ReferenceTime(iso8601: "2026-11-23T10:00:00+08:00")

    /// The cache files in the bot folder's `.kefu/`.
    static func cacheFiles(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "\(folder)/.kefu")) ?? []).filter { $0.hasSuffix(".kefumodel") }.sorted()
    }

    static func report(_ engine: ChatEngine) throws -> EngineLoadReport { try #require(engine.loadReport) }

    @Test("trained once, then loaded from .kefu/; a damaged file is retrained over; a changed bot file retrains")
    func lifecycle() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let folder = try FixtureBot.writeShop(into: directory)

        let first = try Self.report(ChatEngine.load(botFolder: folder))
        #expect(first.source == .trained)
        #expect(first.warnings.isEmpty)
        #expect(first.modelHash.count == 64)
        let cacheFile = try #require(first.cacheFile)
        #expect(FileManager.default.fileExists(atPath: cacheFile))
        #expect(Self.cacheFiles(folder).count == 1)

        let second = try ChatEngine.load(botFolder: folder)
        let secondReport = try Self.report(second)
        #expect(secondReport.source == .cache)
        #expect(secondReport.modelHash == first.modelHash)
        #expect(secondReport.cacheFile == cacheFile)
        #expect(secondReport.warnings.isEmpty)
        #expect(second.respond(to: "我要取消订单", in: .start, at: Self.reference).0.intent == "cancel_order")

        // Damaged: the same length with bytes flipped in the middle → warning, retrained, same hash.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cacheFile)))
        for offset in stride(from: bytes.count / 2, to: bytes.count / 2 + 64, by: 1) { bytes[offset] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: cacheFile))
        let repaired = try Self.report(ChatEngine.load(botFolder: folder))
        #expect(repaired.source == .trained)
        #expect(repaired.warnings.count == 1)
        #expect(repaired.warnings.first?.contains("retrained") == true)
        #expect(repaired.modelHash == first.modelHash, "the same folder trains the same model")
        #expect(try Self.report(ChatEngine.load(botFolder: folder)).source == .cache)

        // A table is not trained on: editing it keeps the model.
        try Data((FixtureBot.shopOrders + "20241108000003,待发货,11月12日,雨伞\n").utf8)
            .write(to: URL(fileURLWithPath: "\(folder)/knowledge-base/tables/orders.csv"))
        #expect(try Self.report(ChatEngine.load(botFolder: folder)).source == .cache)

        // An example more: another key, trained again, and both files kept.
        let intents = URL(fileURLWithPath: "\(folder)/intents/shop.yml")
        let text = try String(contentsOf: intents, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "examples: [你好,", with: "examples: [你好呀, 你好,").utf8).write(to: intents)
        let changed = try Self.report(ChatEngine.load(botFolder: folder))
        #expect(changed.source == .trained)
        #expect(changed.folderKey != first.folderKey)
        #expect(changed.modelHash != first.modelHash)
        #expect(Self.cacheFiles(folder).count == 2)
    }

    @Test("a truncated, empty or foreign cache file is a warning and a retrain, never a crash",
          arguments: ["truncated", "empty", "foreign"])
    func unusableFile(kind: String) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let folder = try FixtureBot.write(into: directory)
        let cacheFile = try #require(try Self.report(ChatEngine.load(botFolder: folder)).cacheFile)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cacheFile)))
        let damaged: [UInt8] = switch kind {
        case "truncated": Array(bytes.prefix(bytes.count - 100))
        case "empty": []
        default: Array("KEFUMODL not a cache at all".utf8)
        }
        try Data(damaged).write(to: URL(fileURLWithPath: cacheFile))
        let report = try Self.report(ChatEngine.load(botFolder: folder))
        #expect(report.source == .trained)
        #expect(report.warnings.count == 1)
        #expect(report.cacheFile == cacheFile)
        #expect(try Self.report(ChatEngine.load(botFolder: folder)).source == .cache)
    }

    @Test("a folder the model cannot be cached in still gives a working engine, trained in memory")
    func unwritableFolder() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let folder = try FixtureBot.write(into: directory)
        // A file where the cache folder should be: no process, root included, can create `.kefu/`.
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: "\(folder)/.kefu"))
        let engine = try ChatEngine.load(botFolder: folder)
        let report = try Self.report(engine)
        #expect(report.source == .trained)
        #expect(report.cacheFile == nil)
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("could not be cached") == true)
        #expect(report.banner.contains("not cached"))
        #expect(engine.respond(to: "你好", in: .start, at: Self.reference).0.intent == "greeting")
    }

    @Test("caching off trains in memory and writes nothing; retrain trains over an up-to-date cache")
    func policies() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let folder = try FixtureBot.write(into: directory)
        let off = try Self.report(ChatEngine.load(botFolder: folder, options: EngineLoadOptions(cache: .off)))
        #expect(off.source == .trained && off.cacheFile == nil && off.warnings.isEmpty)
        #expect(Self.cacheFiles(folder).isEmpty)
        let cached = try Self.report(ChatEngine.load(botFolder: folder))
        #expect(cached.source == .trained && cached.cacheFile != nil)
        #expect(cached.modelHash == off.modelHash)
        let forced = try Self.report(ChatEngine.load(botFolder: folder, options: EngineLoadOptions(cache: .retrain)))
        #expect(forced.source == .trained && forced.modelHash == off.modelHash)
        #expect(Self.cacheFiles(folder).count == 1)
    }
}
