/// The lines of a tab-separated file: the labelled lines of `kefu eval intents`, the FAQ, query,
/// distractor and question-pair files of `kefu eval faq`.
///
/// ```
/// faq_id	question
/// shipping-time	什么时候发货
/// shipping-time	多久能发货
/// ```
/// UTF-8 (a byte-order mark is skipped); lines end in `\n` or `\r\n`; blank lines are skipped;
/// columns are trimmed of surrounding spaces. A first line whose last column is a column name
/// (`label`, `faq_id`, `question`, …) is a header and skipped too (DESIGN §5).
public struct TSVFile: Sendable {
    /// One line of the file: its 1-based number and its columns.
    public struct Line: Sendable, Equatable {
        public var number: Int
        public var columns: [String]
    }

    /// Last-column names that mark a first line as a header (compared without case).
    public static let headerNames: Set<String> = [
        "label", "labels", "faq_id", "id", "intent", "intent_id", "class", "category",
        "question", "questions", "query", "text", "sentence", "sentence2",
    ]

    /// The file, as the user named it (for errors).
    public let source: String
    /// The data lines, header and blank lines left out.
    public let lines: [Line]

    /// Reads `bytes`; `source` names the file in errors.
    /// - Throws: `TSVFileError` for invalid UTF-8.
    /// - Complexity: O(n) in the number of bytes.
    public init(parsing bytes: [UInt8], source: String) throws(TSVFileError) {
        self.source = source
        var lines: [Line] = []
        var lineNumber = 0
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            guard let text = String(validating: line, as: UTF8.self) else {
                throw TSVFileError(source: source, line: lineNumber, problem: "invalid UTF-8; save the file as UTF-8")
            }
            if text.allSatisfy(\.isWhitespace) { continue }
            let columns = text.split(separator: "\t", omittingEmptySubsequences: false).map { String($0.trimmingSpaces) }
            if lineNumber == 1, let last = columns.last, Self.headerNames.contains(last.lowercased()) { continue }
            lines.append(Line(number: lineNumber, columns: columns))
        }
        self.lines = lines
    }

    /// An error at `line` of this file.
    public func error(_ line: Line, _ problem: String) -> TSVFileError {
        TSVFileError(source: source, line: line.number, problem: problem)
    }

    /// The columns of each line, checked to be `names.count` non-empty columns; `names` spell the
    /// layout in messages (`["query", "faq_id"]` → `write query<TAB>faq_id`).
    /// - Throws: `TSVFileError` naming the first bad line, or the file when it holds no lines.
    public func rows(_ names: [String]) throws(TSVFileError) -> [(line: Line, columns: [String])] {
        let layout = names.joined(separator: "<TAB>")
        guard !lines.isEmpty else {
            throw TSVFileError(source: source, line: nil, problem: "holds no lines; write one `\(layout)` a line")
        }
        var rows: [(line: Line, columns: [String])] = []
        rows.reserveCapacity(lines.count)
        for line in lines {
            let columns = line.columns
            guard columns.count == names.count else {
                if names.count == 1 { throw error(line, "\(columns.count) columns; write one \(names[0]) a line, without tabs") }
                if columns.count == 1 { throw error(line, "no tab; write `\(layout)`") }
                if columns.count < names.count { throw error(line, "\(columns.count) columns; write `\(layout)`") }
                throw error(line, "\(columns.count) columns; write `\(layout)` (a text cannot contain a tab)")
            }
            if let empty = columns.firstIndex(where: \.isEmpty) {
                throw error(line, "empty \(names[empty]); write `\(layout)`")
            }
            rows.append((line, columns))
        }
        return rows
    }
}

extension Substring {
    /// The text without leading and trailing white space.
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}
