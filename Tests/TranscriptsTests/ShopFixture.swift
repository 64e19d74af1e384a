import ChatEngine
import Entities
import Foundation
import KefuTestSupport

/// The shop fixture bot, written once per test process into a stable folder (so its model cache
/// is trained once, then loaded, also by the `kefu` subprocesses) and loaded once.
enum Shop {
    // Tests may force-unwrap: a fixture that cannot be written is a broken test machine.
    static let folder: String = try! FixtureBot.writeShop(stableFolder: "kefu-transcripts-tests-shop")

    static let engine: ChatEngine = try! ChatEngine.load(botFolder: folder)

    static let reference = try! ReferenceTime(iso8601: "2026-11-23T10:00:00+08:00")

    /// `kefu replay PATH --bot <the shop> ARGUMENTS…`, with the model already cached.
    static func replay(_ path: String, _ arguments: [String] = []) throws -> Kefu.Result {
        _ = engine
        return try Kefu.run(["replay", path, "--bot", folder] + arguments, input: "")
    }
}
