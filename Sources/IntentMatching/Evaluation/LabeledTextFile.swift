import ChatCore

/// Reading `text<TAB>label` files: the training and test sets of `kefu eval intents`.
///
/// ```
/// text	label
/// 我的快递怎么还没到	order_status
/// 帮我退一下这个订单	return_request
/// ```
/// The file is UTF-8 (a byte-order mark is skipped); lines end in `\n` or `\r\n`; blank lines are
/// skipped; a first line whose last column is a column name (`label`, `intent`, …) is a header
/// and skipped too (`TSVFile`). Every other line holds exactly one tab.
public enum LabeledTextFile {
    /// The examples in `bytes`; `source` names the file in errors.
    /// - Throws: `TSVFileError` naming the first bad line, or the file when it holds no examples.
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(_ bytes: [UInt8], source: String) throws(TSVFileError) -> [LabeledText] {
        try TSVFile(parsing: bytes, source: source).rows(["text", "label"]).map {
            LabeledText(text: $0.columns[0], label: $0.columns[1])
        }
    }
}
