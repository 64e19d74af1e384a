import Foundation
import Yams

/// One YAML file of a bot folder, parsed into Yams nodes, with helpers that check each node's
/// shape and log what is wrong with the file's name and the node's line.
struct YAMLFile {
    /// The path relative to the bot folder.
    let path: String
    /// The document's root; nil for an empty file or one that could not be parsed.
    let root: Node?
    /// Whether the text could not be parsed (the error is logged).
    let hasSyntaxError: Bool

    /// Whether the file holds nothing: no document, or a document that is only `~`.
    var isEmpty: Bool { !hasSyntaxError && (root.map(Self.isNull) ?? true) }

    /// Parses `text` (already known to be UTF-8); a syntax error is logged and gives no root.
    init(path: String, text: String, log: inout IssueLog) {
        self.path = path
        do {
            root = try Parser(yaml: text).singleRoot()
            hasSyntaxError = false
        } catch let error as YamlError {
            root = nil
            hasSyntaxError = true
            log.error(Self.location(of: error, in: text, file: path), Self.message(for: error, in: text))
        } catch {
            root = nil
            hasSyntaxError = true
            log.error(SourceLocation(file: path), "cannot read the YAML: \(error)")
        }
    }

    // MARK: Locations

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: path) }
        return SourceLocation(file: path, line: mark.line, column: mark.column)
    }

    // MARK: Shapes

    /// What kind of YAML value a node is, in words for messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar: isNull(node) ? "nothing" : "text"
        case .sequence: "a list"
        case .mapping: "a mapping (key: value pairs)"
        case .alias: "an alias"
        }
    }

    /// Whether the node is an empty value or `~` / `null` written plainly.
    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The text of a scalar, or nil (logged) for a list, a mapping or nothing.
    func text(_ node: Node, _ what: String, log: inout IssueLog, allowEmpty: Bool = false) -> String? {
        guard case let .scalar(scalar) = node, !Self.isNull(node) else {
            log.error(location(node), "\(what) should be text, found \(Self.describe(node))")
            return nil
        }
        if !allowEmpty, scalar.string.trimmingWhitespace().isEmpty {
            log.error(location(node), "\(what) is empty; write some text or remove the key")
            return nil
        }
        return scalar.string
    }

    /// The items of a list, or nil (logged) for anything else, with a hint how to write the list.
    func list(_ node: Node, _ what: String, log: inout IssueLog) -> [Node]? {
        guard case let .sequence(sequence) = node else {
            log.error(location(node), "\(what) should be a list, found \(Self.describe(node)); write each item on its own line starting with '- ', or as [a, b]")
            return nil
        }
        return Array(sequence)
    }

    /// The texts of a list of texts; items that are not text are logged and skipped.
    func texts(_ node: Node, _ what: String, log: inout IssueLog) -> [(text: String, node: Node)]? {
        guard let items = list(node, what, log: &log) else { return nil }
        return items.compactMap { item in
            text(item, "each of \(what)", log: &log).map { ($0, item) }
        }
    }

    /// A mapping's entries by key, in order; nil (logged) when the node is not a mapping.
    /// Keys outside `allowed` are logged with the closest allowed key.
    func fields(_ node: Node, _ what: String, allowed: [String]?, log: inout IssueLog) -> Fields? {
        guard case let .mapping(mapping) = node else {
            log.error(location(node), "\(what) should be a mapping (key: value pairs), found \(Self.describe(node))")
            return nil
        }
        var fields = Fields(node: node)
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key, !Self.isNull(key) else {
                log.error(location(key), "a key in \(what) should be text, found \(Self.describe(key))")
                continue
            }
            let name = scalar.string
            if let allowed, !allowed.contains(name) {
                let hint = KeySuggestion.closest(to: name, among: allowed).map { "did you mean '\($0)'? " } ?? ""
                log.error(location(key), "unknown key '\(name)' in \(what); \(hint)allowed keys: \(allowed.joined(separator: ", "))")
                continue
            }
            fields.entries.append(Fields.Entry(name: name, key: key, value: value))
        }
        return fields
    }

    /// The entries of a YAML mapping, by key name, in the order written.
    struct Fields {
        struct Entry {
            var name: String
            var key: Node
            var value: Node
        }

        /// The mapping itself.
        let node: Node
        var entries: [Entry] = []

        subscript(name: String) -> Node? {
            entries.first { $0.name == name }?.value
        }
    }

    // MARK: Syntax errors

    /// The scalar at a mark (line and column from 1, columns in scalars).
    private static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if line == mark.line, column == mark.column { return scalar }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            if line > mark.line { return nil }
        }
        return nil
    }

    private static func location(of error: YamlError, in text: String, file: String) -> SourceLocation {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // At the end of the file, the place where the unfinished thing began says more.
            let place = problem.contains("end of stream") ? context?.mark ?? mark : mark
            return SourceLocation(file: file, line: place.line, column: place.column)
        case let .duplicatedKeysInMapping(_, context):
            return SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
        case let .reader(_, offset?, _, _):
            var line = 1, column = 1
            for character in text.prefix(offset) {
                if character.isNewline { line += 1; column = 1 } else { column += character.unicodeScalars.count }
            }
            return SourceLocation(file: file, line: line, column: column)
        default:
            return SourceLocation(file: file)
        }
    }

    private static func message(for error: YamlError, in text: String) -> String {
        if case let .scanner(_, _, mark, _) = error, character(at: mark, in: text) == "\t" {
            return "YAML syntax error: a tab; YAML is indented with spaces, never tabs"
        }
        let hint = "check the indentation (spaces, not tabs) and quote text that contains ': ' or starts with { [ * & ! | > ' \" % @ `"
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return "YAML syntax error: \(problem)\(while_); \(hint)"
        case let .duplicatedKeysInMapping(duplicates, _):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return "key \(keys) appears more than once in the same mapping; keep one"
        case let .reader(problem, _, _, _):
            return "cannot read the YAML: \(problem); save the file as UTF-8 text"
        default:
            return "cannot read the YAML: \(error)"
        }
    }
}
