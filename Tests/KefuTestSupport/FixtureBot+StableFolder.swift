import Foundation

extension FixtureBot {
    /// The shop fixture in a fixed folder under the temporary directory (`name` plus the user
    /// id), refreshed on every call. The model cache in its `.kefu/` is keyed by the folder's
    /// content, so test runs after the first load the model instead of training it, `kefu`
    /// subprocesses load what the test process trained, and nothing piles up in the temporary
    /// directory.
    public static func writeShop(stableFolder name: String) throws -> String {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let written = URL(fileURLWithPath: try writeShop(into: scratch))
        let stable = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(getuid())")
        try FileManager.default.createDirectory(at: stable, withIntermediateDirectories: true)
        for part in ["intents", "knowledge-base", "bot.yml"] {
            try? FileManager.default.removeItem(at: stable.appendingPathComponent(part))
            if FileManager.default.fileExists(atPath: written.appendingPathComponent(part).path) {
                try FileManager.default.copyItem(at: written.appendingPathComponent(part), to: stable.appendingPathComponent(part))
            }
        }
        return stable.path
    }
}
