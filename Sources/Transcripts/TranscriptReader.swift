import BotDefinition
import Entities
import Foundation
import Yams

/// Reads a transcript file's YAML into a ``Transcript``, node by node, so that every problem
/// is reported with the file and the line of the node it is about (the approach of the bot
/// loader's `YAMLFile`): `returns.yml:9:5: unknown key 'replly' in turn 2; did you mean 'reply'?`.
struct TranscriptReader {
    /// The file's name as given, for messages.
    let file: String
    /// Everything wrong found so far.
    private(set) var issues: [TranscriptIssue] = []

    static let transcriptKeys = ["name", "now", "bot", "turns"]
    static let turnKeys = ["user", "intent", "source", "answer", "slots", "reply", "reply_contains", "reply_matches", "handoff",
                           "human", "agent", "released"]

    init(file: String) {
        self.file = file
    }

    /// The transcript in `yaml`, or nil when anything is wrong (see ``issues``).
    mutating func read(_ yaml: String) -> Transcript? {
        let root: Node?
        do {
            root = try Parser(yaml: yaml).singleRoot()
        } catch {
            issues.append(syntaxIssue(error))
            return nil
        }
        guard let root, !Self.isNull(root) else {
            report(nil, "the file is empty; a transcript needs 'turns:', a list of '- user: …' turns")
            return nil
        }
        guard let fields = fields(of: root, "the transcript", allowed: Self.transcriptKeys) else { return nil }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var transcript = Transcript(name: stem, turns: [], file: file)
        if let node = fields["name"], let name = text(node, "name") { transcript.name = name }
        if let node = fields["now"], let now = text(node, "now") {
            do {
                _ = try ReferenceTime(iso8601: now)
                transcript.now = now
            } catch {
                report(node, "now '\(now)' is not an ISO 8601 time: \(error.problem); write it like 2026-11-23T10:00:00+08:00")
            }
        }
        if let node = fields["bot"], let bot = text(node, "bot") { transcript.bot = bot }
        guard let turnsNode = fields["turns"] else {
            report(root, "the transcript has no 'turns:'; add a list of turns, each starting with '- user: <the customer's line>'")
            return nil
        }
        if case let .sequence(items) = turnsNode {
            for (index, item) in items.enumerated() {
                if let turn = turn(item, number: index + 1) { transcript.turns.append(turn) }
            }
        } else if !Self.isNull(turnsNode) {   // `turns:` with nothing after it is a transcript without turns
            report(turnsNode, "turns should be a list, found \(Self.describe(turnsNode)); start each turn with '- user: …'")
        }
        return issues.isEmpty ? transcript : nil
    }

    // MARK: Turns

    private mutating func turn(_ node: Node, number: Int) -> TranscriptTurn? {
        let what = "turn \(number)"
        guard let fields = fields(of: node, what, allowed: Self.turnKeys) else { return nil }
        let line = node.mark?.line
        guard let userNode = fields["user"] else {
            report(node, "\(what) has no 'user:'; every turn starts with '- user: <the customer's line>'")
            return nil
        }
        guard let user = text(userNode, "user of \(what)") else { return nil }
        var checks = TurnChecks()
        if let node = fields["intent"] { checks.intent = optionalText(node, "intent of \(what)") }
        if let node = fields["source"] { checks.source = text(node, "source of \(what)") }
        if let node = fields["answer"] { checks.answer = optionalText(node, "answer of \(what)") }
        if let node = fields["slots"] { checks.slots = slots(node, what) }
        if let node = fields["reply"] { checks.reply = text(node, "reply of \(what)", allowEmpty: true) }
        if let node = fields["reply_contains"] { checks.replyContains = text(node, "reply_contains of \(what)") }
        if let node = fields["reply_matches"], let pattern = text(node, "reply_matches of \(what)") {
            if let problem = ReplyPattern.problem(in: pattern) {
                report(node, "reply_matches of \(what) is not a valid regular expression (\(problem)); escape special characters like ( ) [ ] . * + ? with \\")
            } else {
                checks.replyMatches = pattern
            }
        }
        if let node = fields["handoff"] { checks.handoff = flag(node, "handoff of \(what)") }
        var turn = TranscriptTurn(user: user, checks: checks, line: line)
        if let node = fields["human"] { turn.human = flag(node, "human of \(what)") ?? false }
        if let node = fields["released"] { turn.released = flag(node, "released of \(what)") ?? false }
        if let node = fields["agent"] { turn.agentMessages = agentMessages(node, what) }
        if turn.human, checks != TurnChecks() {
            report(node, "\(what) is marked human: true (an agent answered it), so it cannot have checks on the bot's reply; remove them")
        }
        return turn
    }

    /// `agent:` — a list of `{ name: 王芳, text: … }`.
    private mutating func agentMessages(_ node: Node, _ turn: String) -> [AgentLine] {
        guard case let .sequence(items) = node else {
            report(node, "agent of \(turn) should be a list of { name: …, text: … }, found \(Self.describe(node))")
            return []
        }
        var messages: [AgentLine] = []
        for item in items {
            guard let fields = fields(of: item, "an agent message of \(turn)", allowed: ["name", "text"]) else { continue }
            guard let nameNode = fields["name"], let textNode = fields["text"] else {
                report(item, "an agent message of \(turn) needs name: and text:")
                continue
            }
            if let name = text(nameNode, "name of an agent message of \(turn)"), let text = text(textNode, "text of an agent message of \(turn)") {
                messages.append(AgentLine(name: name, text: text))
            }
        }
        return messages
    }

    /// `slots: { order_id: "20241105123456" }`: slot names to the values they must have.
    private mutating func slots(_ node: Node, _ turn: String) -> [String: String]? {
        guard let fields = fields(of: node, "slots of \(turn)", allowed: nil) else { return nil }
        var slots: [String: String] = [:]
        for entry in fields.entries {
            if let value = text(entry.value, "slot \(entry.name) of \(turn)", allowEmpty: true) { slots[entry.name] = value }
        }
        return slots
    }

    /// A check that may be `null`: text, or `.some(nil)` for `null` / `~`.
    private mutating func optionalText(_ node: Node, _ what: String) -> String?? {
        if Self.isNull(node) { return .some(nil) }
        return text(node, what).map { .some($0) }
    }

    private mutating func flag(_ node: Node, _ what: String) -> Bool? {
        if case let .scalar(scalar) = node, scalar.style == .plain {
            switch scalar.string.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        report(node, "\(what) should be true or false, found \(Self.describe(node))")
        return nil
    }

    // MARK: Node shapes

    /// The entries of a mapping, keys checked against `allowed` (nil: any key).
    private mutating func fields(of node: Node, _ what: String, allowed: [String]?) -> Fields? {
        guard case let .mapping(mapping) = node else {
            report(node, "\(what) should be a mapping (key: value lines), found \(Self.describe(node))")
            return nil
        }
        var fields = Fields()
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key, !Self.isNull(key) else {
                report(key, "a key in \(what) should be text, found \(Self.describe(key))")
                continue
            }
            if let allowed, !allowed.contains(scalar.string) {
                let guess = KeySuggestion.closest(to: scalar.string, among: allowed).map { "did you mean '\($0)'? " } ?? ""
                report(key, "unknown key '\(scalar.string)' in \(what); \(guess)the keys are \(allowed.joined(separator: ", "))")
                continue
            }
            fields.entries.append((scalar.string, value))
        }
        return fields
    }

    private mutating func text(_ node: Node, _ what: String, allowEmpty: Bool = false) -> String? {
        guard case let .scalar(scalar) = node, !Self.isNull(node) else {
            report(node, "\(what) should be text, found \(Self.describe(node))")
            return nil
        }
        if !allowEmpty, scalar.string.allSatisfy(\.isWhitespace) {
            report(node, "\(what) is empty; write some text or remove the key")
            return nil
        }
        return scalar.string
    }

    /// A mapping's entries in the order written.
    private struct Fields {
        var entries: [(name: String, value: Node)] = []

        subscript(name: String) -> Node? {
            entries.first { $0.name == name }?.value
        }
    }

    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): isNull(node) ? "nothing" : "the text '\(scalar.string)'"
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }

    // MARK: Reporting

    private mutating func report(_ node: Node?, _ message: String) {
        issues.append(TranscriptIssue(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message))
    }

    /// A YAML syntax error at the place the parser names (for an unfinished construct at the end
    /// of the file: where it began).
    private func syntaxIssue(_ error: any Error) -> TranscriptIssue {
        let advice = "check the indentation (spaces, not tabs) and quote text that contains ': ' or starts with a special character"
        switch error as? YamlError {
        case let .scanner(context, problem, mark, _)?, let .parser(context, problem, mark, _)?, let .composer(context, problem, mark, _)?:
            let place = problem.contains("end of stream") ? context?.mark ?? mark : mark
            let during = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return TranscriptIssue(file: file, line: place.line, column: place.column,
                                   message: "YAML syntax error: \(problem)\(during); \(advice)")
        case let .duplicatedKeysInMapping(duplicates, context)?:
            return TranscriptIssue(file: file, line: context.mark.line, column: context.mark.column,
                                   message: "key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) is written twice in one mapping; keep one")
        default:
            return TranscriptIssue(file: file, message: "cannot read the YAML (\(error)); save the file as UTF-8 text")
        }
    }
}
