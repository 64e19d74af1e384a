/// Reading `text<TAB>label` files: the training and test sets of `kefu eval intents`.
///
/// ```
/// text	label
/// 我的快递怎么还没到	order_status
/// 帮我退一下这个订单	return_request
/// ```
/// The file is UTF-8 (a byte-order mark is skipped); lines end in `\n` or `\r\n`; blank lines are
/// skipped; a first line whose last column is a column name (`label`, `intent`, …) is a header
/// and skipped too. Every other line holds exactly one tab.
public enum LabeledTextFile {
    /// Last-column names that mark a first line as a header (compared without case).
    public static let headerNames: Set<String> = ["label", "labels", "intent", "intent_id", "faq_id", "class", "category"]

    /// The examples in `bytes`; `source` names the file in errors.
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(_ bytes: [UInt8], source: String) throws(LabeledTextFileError) -> [LabeledText] {
        var examples: [LabeledText] = []
        var lineNumber = 0
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if let example = try parseLine(line, number: lineNumber, source: source) {
                examples.append(example)
            }
        }
        if examples.isEmpty {
            throw LabeledTextFileError(source: source, line: nil, problem: "holds no examples; write one `text<TAB>label` a line")
        }
        return examples
    }

    private static func parseLine(_ line: ArraySlice<UInt8>, number: Int, source: String) throws(LabeledTextFileError) -> LabeledText? {
        func failure(_ problem: String) -> LabeledTextFileError {
            LabeledTextFileError(source: source, line: number, problem: problem)
        }
        guard let text = String(validating: line, as: UTF8.self) else {
            throw failure("invalid UTF-8; save the file as UTF-8")
        }
        if text.allSatisfy(\.isWhitespace) { return nil }
        let columns = text.split(separator: "\t", omittingEmptySubsequences: false)
        if number == 1, let last = columns.last, columns.count > 1,
           headerNames.contains(last.trimmingSpaces.lowercased()) {
            return nil
        }
        guard columns.count == 2 else {
            if columns.count == 1 { throw failure("no tab; write `text<TAB>label`") }
            throw failure("\(columns.count) columns; write `text<TAB>label` (the text cannot contain a tab)")
        }
        let example = String(columns[0].trimmingSpaces), label = String(columns[1].trimmingSpaces)
        if example.isEmpty { throw failure("empty text before the tab; write `text<TAB>label`") }
        if label.isEmpty { throw failure("empty label after the tab; write `text<TAB>label`") }
        return LabeledText(text: example, label: label)
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
