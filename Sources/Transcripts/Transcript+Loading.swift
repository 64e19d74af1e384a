import Foundation

extension Transcript {
    /// Reads the transcript file at `file` (DESIGN §2 plus `now:` and `bot:`).
    ///
    /// - Throws: ``TranscriptError`` listing every problem, each with file and line: unreadable
    ///   file, YAML syntax, unknown keys (with the key likely meant), wrong shapes, a turn without
    ///   `user`, a `reply_matches` that is not a regular expression, a `now` that is not ISO 8601.
    public static func load(file: String) throws(TranscriptError) -> Transcript {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw TranscriptError(file: file, "cannot read the file: \((error as NSError).localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TranscriptError(file: file, "the file is not UTF-8 text; save it as UTF-8")
        }
        return try load(yaml: text, file: file)
    }

    /// Reads a transcript from YAML text; `file` names it in messages and becomes its ``file``
    /// (its stem is the name when the text has no `name:`).
    public static func load(yaml: String, file: String) throws(TranscriptError) -> Transcript {
        var reader = TranscriptReader(file: file)
        guard let transcript = reader.read(yaml) else { throw TranscriptError(reader.issues) }
        return transcript
    }
}
