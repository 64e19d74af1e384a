import Foundation

/// Finds transcript files: `kefu replay transcripts/ extra.yml` reads every `*.yml` and
/// `*.yaml` under `transcripts/` (recursively, sorted, hidden files and folders skipped) and
/// then `extra.yml`.
public enum TranscriptFiles {
    /// The files named by `paths`: a file as it is, a folder as the transcript files under it,
    /// in sorted order; each file once, in the order first named.
    ///
    /// - Throws: ``TranscriptError`` for a path that does not exist (every such path is listed).
    public static func expand(_ paths: [String]) throws(TranscriptError) -> [String] {
        var files: [String] = []
        var seen: Set<String> = []
        var missing: [TranscriptIssue] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                missing.append(TranscriptIssue(file: path, message: "no such file or folder; name transcript files or folders that hold them"))
                continue
            }
            for file in isFolder.boolValue ? transcripts(under: path) : [path] where seen.insert(file).inserted {
                files.append(file)
            }
        }
        if !missing.isEmpty { throw TranscriptError(missing) }
        return files
    }

    /// Whether a file name is a transcript's: it ends in `.yml` or `.yaml`.
    public static func isTranscript(_ name: String) -> Bool {
        name.hasSuffix(".yml") || name.hasSuffix(".yaml")
    }

    /// The transcript files under `folder`, as `folder/relative/path`, sorted by relative path.
    private static func transcripts(under folder: String) -> [String] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let relative = (FileManager.default.subpaths(atPath: folder) ?? []).filter { path in
            var isFolder: ObjCBool = false
            return isTranscript(path) && !path.split(separator: "/").contains { $0.hasPrefix(".") }
                && FileManager.default.fileExists(atPath: prefix + path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        return relative.sorted().map { prefix + $0 }
    }
}
