/// A reply with places for values: `订单 {order_id} 当前状态：{order.status}。`
///
/// `{slot}` is a slot's value; `{alias.column}` is a column of the row the intent's lookup found,
/// where the alias is the table's name or its singular (`orders` → `order`). `{{` and `}}` are
/// literal braces.
public struct ReplyTemplate: Hashable, Sendable, CustomStringConvertible {
    /// One piece of a template.
    public enum Part: Hashable, Sendable {
        /// Text written as is.
        case text(String)
        /// `{order_id}`: the value of a slot.
        case slot(String)
        /// `{order.status}`: a column of the looked-up row, with the alias as written.
        case field(alias: String, column: String)
    }

    /// The template as written.
    public var source: String
    public var parts: [Part]

    /// Parses a template.
    /// - Throws: `ReplyTemplateError` for an unclosed `{`, a lone `}`, or an empty or
    ///   malformed placeholder.
    public init(parsing source: String) throws(ReplyTemplateError) {
        self.source = source
        var parts: [Part] = []
        var text = ""
        var scalars = source.unicodeScalars[...]
        var offset = 0
        func take() -> Unicode.Scalar? {
            guard let scalar = scalars.popFirst() else { return nil }
            offset += 1
            return scalar
        }
        while let scalar = take() {
            switch scalar {
            case "{":
                if scalars.first == "{" {
                    _ = take()
                    text.unicodeScalars.append("{")
                    continue
                }
                let start = offset - 1
                var name = ""
                var closed = false
                while let inner = take() {
                    if inner == "}" { closed = true; break }
                    if inner == "{" { break }
                    name.unicodeScalars.append(inner)
                }
                guard closed else {
                    throw ReplyTemplateError(offset: start, problem: "'{' at character \(start + 1) is not closed; write '{name}', or '{{' for a literal brace")
                }
                if !text.isEmpty { parts.append(.text(text)); text = "" }
                parts.append(try Self.placeholder(name, at: start))
            case "}":
                if scalars.first == "}" {
                    _ = take()
                    text.unicodeScalars.append("}")
                    continue
                }
                throw ReplyTemplateError(offset: offset - 1, problem: "'}' at character \(offset) has no '{'; write '}}' for a literal brace")
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        self.parts = parts
    }

    private static func placeholder(_ raw: String, at offset: Int) throws(ReplyTemplateError) -> Part {
        let name = raw.trimmingWhitespace()
        let pieces = name.split(separator: ".", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        let valid = !pieces.contains { $0.isEmpty || !$0.isPlaceholderName }
        guard valid, pieces.count <= 2 else {
            throw ReplyTemplateError(
                offset: offset,
                problem: "placeholder '{\(raw)}' is not a slot name ('{order_id}') or a table column ('{order.status}')")
        }
        return pieces.count == 1 ? .slot(pieces[0]) : .field(alias: pieces[0], column: pieces[1])
    }

    /// The slots the template names, in order.
    public var slotNames: [String] {
        parts.compactMap { if case let .slot(name) = $0 { name } else { nil } }
    }

    /// The row columns the template shows (`{order.status}` → `status`), in order.
    public var columns: [String] {
        parts.compactMap { if case let .field(_, column) = $0 { column } else { nil } }
    }

    /// Fills the placeholders: slot values by slot name, fields from `record` (column → value).
    /// - Returns: nil when a placeholder has no value.
    public func render(slots: [String: String], record: [String: String] = [:]) -> String? {
        var result = ""
        for part in parts {
            switch part {
            case let .text(text): result += text
            case let .slot(name):
                guard let value = slots[name] else { return nil }
                result += value
            case let .field(_, column):
                guard let value = record[column] else { return nil }
                result += value
            }
        }
        return result
    }

    public var description: String { source }
}

/// A template that cannot be parsed, with where the problem starts.
public struct ReplyTemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Offset of the problem in the template's Unicode scalars.
    public var offset: Int
    public var problem: String
    public var description: String { problem }
}

extension String {
    /// The text without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// Whether the text can name a slot or column in a template: letters, digits, `_` and `-`.
    var isPlaceholderName: Bool {
        !isEmpty && unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-" }
    }
}
