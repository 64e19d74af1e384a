import Foundation
import Transcripts

/// One input of `kefu stats` or `kefu mine`, told apart by its content and name: a session store
/// (a file that starts with SQLite's header), a transcript (`*.yml`, `*.yaml`, or any such file
/// under a folder), or plain text (any other file: one line that fell back a line; `kefu mine`
/// only).
public enum AnalyticsInput: Hashable, Sendable {
    case store(String)
    case transcript(String)
    case plainText(String)

    /// The inputs named by `paths`, folders expanded to the transcripts under them (sorted).
    /// - Throws: `AnalyticsError` for a path that does not exist or cannot be read.
    public static func classify(_ paths: [String]) throws(AnalyticsError) -> [AnalyticsInput] {
        var inputs: [AnalyticsInput] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw AnalyticsError("'\(path)' does not exist; name transcript files or folders, a session store, or (for mine) a text file")
            }
            if isFolder.boolValue {
                do { inputs += try TranscriptFiles.expand([path]).map(AnalyticsInput.transcript) } catch {
                    throw AnalyticsError(error.description)
                }
            } else if try startsWithSQLiteHeader(path) {
                inputs.append(.store(path))
            } else if TranscriptFiles.isTranscript(path) {
                inputs.append(.transcript(path))
            } else {
                inputs.append(.plainText(path))
            }
        }
        return inputs
    }

    /// Whether the file at `path` begins with "SQLite format 3\0".
    static func startsWithSQLiteHeader(_ path: String) throws(AnalyticsError) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AnalyticsError("cannot read '\(path)'; check that it is a readable file")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: SessionStoreReader.header.count)) ?? Data()
        return [UInt8](head) == SessionStoreReader.header
    }

    /// The non-blank lines of the text file at `path`, trimmed.
    public static func lines(ofTextFile path: String) throws(AnalyticsError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnalyticsError("cannot read '\(path)'; check that it is a readable file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AnalyticsError("'\(path)' is not UTF-8 text; save it as UTF-8 with one line a line")
        }
        return text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).map { MinedLine.trimmed(String($0)) }
            .filter { !$0.isEmpty }
    }
}
