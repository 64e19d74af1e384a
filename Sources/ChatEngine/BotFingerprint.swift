import Foundation
import IntentMatching
import Segmentation

/// The content key of a bot folder's model: a SHA-256 over every file that shapes the trained
/// model — `intents/**`, `knowledge-base/**` except `tables/` (read afresh on every load, never
/// trained on), and `bot.yml` — as sorted relative paths with their bytes, plus the engine
/// version and the shipped dictionary's digest. Editing any of them gives another key, so the
/// cached model is retrained; editing a table or a file elsewhere does not.
///
/// `intents/orders.yml`, `knowledge-base/shipping.yml`, … → `9f3c…` (64 hex digits).
struct BotFingerprint: Sendable, Equatable {
    /// 64 lower-case hex digits.
    var key: String
    /// The files hashed, relative to the bot folder, sorted.
    var files: [String]

    /// Folders (relative to the bot folder) whose files are hashed, and files hashed when present.
    static let folders = ["intents", "knowledge-base"]
    static let excludedFolders: Set<String> = ["knowledge-base/tables"]
    static let singleFiles = ["bot.yml"]

    /// The fingerprint of the bot folder at `root`.
    /// - Throws: `ChatEngineError.unreadable` when a file cannot be read.
    static func of(folder root: String, engineVersion: String) throws(ChatEngineError) -> BotFingerprint {
        let manager = FileManager.default
        var files: [String] = []
        for folder in folders { collect(folder, root: root, manager: manager, into: &files) }
        for file in singleFiles where isRegularFile("\(root)/\(file)", manager: manager) { files.append(file) }
        files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var bytes: [UInt8] = Array("kefu-engine \(engineVersion)\0".utf8)
        if let image = try? ShippedDictionary.load() { append(image.sourceDigest, to: &bytes) }
        for file in files {
            guard let data = manager.contents(atPath: "\(root)/\(file)") else {
                throw .unreadable(path: "\(root)/\(file)", problem: "cannot read the file; check its permissions")
            }
            bytes += Array(file.utf8)
            bytes.append(0)
            append(UInt64(data.count), to: &bytes)
            bytes += data
        }
        return BotFingerprint(key: SHA256.hexDigest(bytes), files: files)
    }

    /// Adds the files under `folder` (relative to `root`), recursively, skipping dot-files.
    private static func collect(_ folder: String, root: String, manager: FileManager, into files: inout [String]) {
        guard !excludedFolders.contains(folder),
              let names = try? manager.contentsOfDirectory(atPath: "\(root)/\(folder)") else { return }
        for name in names where !name.hasPrefix(".") {
            let path = "\(folder)/\(name)"
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: "\(root)/\(path)", isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                collect(path, root: root, manager: manager, into: &files)
            } else {
                files.append(path)
            }
        }
    }

    private static func isRegularFile(_ path: String, manager: FileManager) -> Bool {
        var isDirectory: ObjCBool = false
        return manager.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
