import Foundation
import Segmentation
import Yams

/// Reads a bot folder and checks everything in it, collecting every problem instead of stopping
/// at the first.
///
/// ```swift
/// let report = try BotLoader.check(folder: "demo")
/// for issue in report.issues { print(issue) }   // intents/orders.yml:12:7: error: …
/// print(report.summary)                          // 2 errors, 1 warning in 5 files
/// ```
public enum BotLoader {
    /// Checks the bot folder at `path`.
    /// - Throws: `BotLoadError.unreadableFolder` when `path` is not a readable folder. Everything
    ///   wrong inside the folder is an issue in the report instead.
    public static func check(folder path: String) throws(BotLoadError) -> BotCheckReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadableFolder(path: path, problem: "no such folder; give the bot folder with --bot DIR")
        }
        guard isDirectory.boolValue else {
            throw .unreadableFolder(path: path, problem: "is a file, not a folder; give the bot folder with --bot DIR")
        }
        do {
            _ = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .unreadableFolder(path: path, problem: "cannot be read (\((error as NSError).localizedDescription)); check its permissions")
        }
        var reader = BotFolderReader(root: URL(fileURLWithPath: path, isDirectory: true))
        reader.readAll()
        return BotCheckReport(bot: reader.bot, issues: reader.log.sorted, files: reader.files.sorted())
    }
}

/// The work of `BotLoader.check`: reads each file into `bot`, logging problems.
struct BotFolderReader {
    let root: URL
    var bot = Bot()
    var log = IssueLog()
    var files: [String] = []
    /// Where each intent, entity and knowledge-base id was first defined, for duplicate errors.
    var intentLocations: [String: SourceLocation] = [:]
    var entityLocations: [String: SourceLocation] = [:]
    var entryLocations: [String: SourceLocation] = [:]
    /// Template and lookup nodes, kept for checks that need every file read first.
    var pendingIntentChecks: [PendingIntentCheck] = []
    /// Every knowledge-base question with its entry's id and place, for the repeated-question check.
    var questionLocations: [(id: String, text: String, location: SourceLocation)] = []
    /// Tables whose file exists but could not be read (already reported), so lookups naming
    /// them are not reported again.
    var brokenTables: Set<String> = []
    /// Entities whose declaration was wrong (already reported), so slots naming them are not reported again.
    var brokenEntities: Set<String> = []
    /// Table entities, checked against their tables once every file is read.
    var pendingTableEntities: [PendingTableEntity] = []

    init(root: URL) {
        self.root = root
    }

    mutating func readAll() {
        readIntents()
        readKnowledgeBase()
        readTables()
        readDictionary()
        readSettings()
        checkTableEntities()
        checkIntentReferences()
        checkExamples()
        checkTexts()
    }

    // MARK: Files

    /// The files in `folder` (relative to the root) whose extension is one of `extensions`,
    /// sorted; other entries are warned about. Nil when the folder does not exist.
    mutating func listFiles(in folder: String, extensions: [String], ignoring: Set<String> = []) -> [String]? {
        let url = root.appendingPathComponent(folder, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            log.error(SourceLocation(file: folder), "should be a folder, but it is a file")
            return nil
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            log.error(SourceLocation(file: folder + "/"), "cannot list the folder: \((error as NSError).localizedDescription)")
            return nil
        }
        var found: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") && !ignoring.contains(name) {
            let ext = (name as NSString).pathExtension.lowercased()
            if extensions.contains(ext) {
                found.append("\(folder)/\(name)")
            } else {
                let wanted = extensions.map { "." + $0 }.joined(separator: " or ")
                log.warning(SourceLocation(file: "\(folder)/\(name)"), "ignored: only \(wanted) files are read here")
            }
        }
        return found
    }

    /// The UTF-8 text of a file (relative to the root), or nil with the problem logged.
    mutating func readText(_ file: String) -> String? {
        files.append(file)
        let data: Data
        do {
            data = try Data(contentsOf: root.appendingPathComponent(file))
        } catch {
            log.error(SourceLocation(file: file), "cannot read the file: \((error as NSError).localizedDescription)")
            return nil
        }
        let bytes = [UInt8](data)
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let place = Self.firstInvalidUTF8(in: bytes)
            log.error(SourceLocation(file: file, line: place.line, column: place.column),
                      "invalid UTF-8; save the file as UTF-8 (it may be in GBK or another encoding)")
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// A YAML file of the folder and its root, or nil when it cannot be read, cannot be parsed or
    /// is empty (logged; `emptyHint` says what to write in an empty file).
    mutating func readYAML(_ path: String, emptyHint: String) -> (YAMLFile, Node)? {
        guard let text = readText(path) else { return nil }
        let file = YAMLFile(path: path, text: text, log: &log)
        if file.isEmpty {
            log.warning(SourceLocation(file: path), "the file is empty; \(emptyHint)")
        }
        guard let root = file.root, !file.isEmpty else { return nil }
        return (file, root)
    }

    /// The line and column (in scalars) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }
}
