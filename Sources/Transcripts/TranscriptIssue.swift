/// One thing wrong with a transcript file, with where it is: `transcripts/returns.yml:7:5: unknown
/// key 'replly' in turn 2; did you mean 'reply'? …`.
public struct TranscriptIssue: Hashable, Sendable, CustomStringConvertible {
    /// The file as it was named (relative paths stay relative).
    public var file: String
    /// The line, from 1; nil for a problem with the whole file.
    public var line: Int?
    /// The column in Unicode scalars, from 1, when known.
    public var column: Int?
    /// What is wrong and how to fix it.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, leaving out what is not known.
    public var description: String {
        "\(location): \(message)"
    }

    /// `file:line:column`, leaving out what is not known.
    public var location: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
