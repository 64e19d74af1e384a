import ChatEngine
import Entities
import Foundation
import KefuTestSupport

/// The shop fixture bot, written once per test process into a stable folder (so its model cache
/// is trained once, then loaded, also by the `kefu` subprocesses) and loaded once.
enum Shop {
    static let folder: String = {
        // Tests may force-unwrap: a fixture that cannot be written is a broken test machine.
        let scratch = try! ScratchDirectory()
        defer { scratch.remove() }
        let written = URL(fileURLWithPath: try! FixtureBot.writeShop(into: scratch))
        let stable = FileManager.default.temporaryDirectory.appendingPathComponent("kefu-transcripts-tests-shop-\(getuid())")
        try! FileManager.default.createDirectory(at: stable, withIntermediateDirectories: true)
        for part in ["intents", "knowledge-base", "bot.yml"] {
            try? FileManager.default.removeItem(at: stable.appendingPathComponent(part))
            if FileManager.default.fileExists(atPath: written.appendingPathComponent(part).path) {
                try! FileManager.default.copyItem(at: written.appendingPathComponent(part), to: stable.appendingPathComponent(part))
            }
        }
        return stable.path
    }()

    static let engine: ChatEngine = try! ChatEngine.load(botFolder: folder)

    static let reference = try! ReferenceTime(iso8601: "2026-11-23T10:00:00+08:00")
}
