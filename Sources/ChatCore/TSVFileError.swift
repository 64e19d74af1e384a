/// A TSV file that cannot be read, with where and what to fix
/// (`queries.tsv:12: no tab; write query<TAB>faq_id`).
public struct TSVFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file, as the user named it.
    public var source: String
    /// The 1-based line, or `nil` for the file as a whole.
    public var line: Int?
    public var problem: String

    public init(source: String, line: Int?, problem: String) {
        self.source = source
        self.line = line
        self.problem = problem
    }

    public var description: String { line.map { "\(source):\($0): \(problem)" } ?? "\(source): \(problem)" }
}
