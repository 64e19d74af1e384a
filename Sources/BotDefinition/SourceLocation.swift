/// A place in a bot folder: a file (relative to the folder), a line and perhaps a column.
///
/// `intents/orders.yml:12:7` is line 12, column 7 (columns count Unicode scalars, from 1).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path relative to the bot folder, with `/` separators: `intents/orders.yml`.
    public var file: String
    /// The line, from 1; nil for a problem with a whole file or folder.
    public var line: Int?
    /// The column in Unicode scalars, from 1, when known.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is not known.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// By file, then line, then column; a whole-file location comes before the file's lines.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.line != rhs.line { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}
