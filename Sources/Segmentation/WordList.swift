/// A list of dictionary words in jieba's text format, `word [freq] [tag]` a line.
///
/// ```
/// 退货运费险 5000 n
/// 七天无理由
/// 京东白条 nz
/// ```
/// A missing frequency is left for the segmenter to choose (one that makes the word win); a
/// frequency of 0 removes the word. Blank lines and lines starting with `#` are skipped.
public struct WordList: Sendable, Equatable {
    /// One word of the list.
    public struct Entry: Sendable, Equatable {
        public var word: String
        /// nil: let the segmenter choose a frequency that makes the word win.
        public var frequency: Int?
        /// A part-of-speech or entity tag, kept for later stages.
        public var tag: String?
        /// Where the word came from, for messages: a file name and a line number.
        public var source: String?
        public var line: Int?

        public init(word: String, frequency: Int? = nil, tag: String? = nil, source: String? = nil, line: Int? = nil) {
            self.word = word
            self.frequency = frequency
            self.tag = tag
            self.source = source
            self.line = line
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Parses the text of a word list; `source` names it in errors.
    public init(parsing bytes: [UInt8], source: String) throws(WordListError) {
        entries = []
        var lineNumber = 0
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0   // a byte-order mark
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            if let entry = try Self.parseLine(line, source: source, lineNumber: lineNumber) {
                entries.append(entry)
            }
        }
    }

    private static func parseLine(_ line: ArraySlice<UInt8>, source: String, lineNumber: Int) throws(WordListError) -> Entry? {
        func failure(_ problem: String) -> WordListError {
            WordListError(source: source, line: lineNumber, problem: problem)
        }
        guard let text = String(validating: line, as: UTF8.self) else {
            throw failure("invalid UTF-8; save the file as UTF-8")
        }
        let fields = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard let word = fields.first, !word.hasPrefix("#") else { return nil }
        var frequency: Int?
        var tag: String?
        switch fields.count {
        case 1: break
        case 2:
            if let number = Int(fields[1]) { frequency = number } else { tag = fields[1] }
        case 3:
            guard let number = Int(fields[1]) else {
                throw failure("frequency '\(fields[1])' is not a whole number; write `word [freq] [tag]`")
            }
            frequency = number
            tag = fields[2]
        default:
            throw failure("\(fields.count) fields; write `word [freq] [tag]` (a word cannot contain spaces)")
        }
        if let frequency, frequency < 0 {
            throw failure("frequency \(frequency) is negative; use 0 to remove a word")
        }
        if tag != nil, tag!.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
            throw failure("frequency '\(tag!)' is not a whole number; write `word [freq] [tag]`")
        }
        return Entry(word: word, frequency: frequency, tag: tag, source: source, line: lineNumber)
    }
}

/// A word-list line that cannot be read, with where it is and what to fix.
public struct WordListError: Error, CustomStringConvertible, Sendable, Equatable {
    public var source: String
    public var line: Int?
    public var problem: String
    public var description: String { line.map { "\(source):\($0): \(problem)" } ?? "\(source): \(problem)" }

    public init(source: String, line: Int?, problem: String) {
        self.source = source
        self.line = line
        self.problem = problem
    }
}

extension WordList {
    /// Reads a word-list file.
    public init(contentsOf path: String) throws(WordListError) {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            throw WordListError(source: path, line: nil, problem: "cannot read: \(error.problem)")
        }
        try self.init(parsing: bytes, source: path)
    }
}
