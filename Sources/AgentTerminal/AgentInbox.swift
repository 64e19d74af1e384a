import ChatCore
import Foundation

/// What `kefu agent` knows of the queue and which case the agent is looking at, and how the
/// server's frames read in the terminal. Plain values in, lines of text out, so it is tested
/// without a server.
///
/// ```
/// 1  9f3a2c81e0b4  waiting  客户要求人工 (intent human_agent)  3 min
/// [9f3a2c81e0b4] customer: 我的快递丢了
/// ```
struct AgentInbox {
    /// One open case as the queue frames describe it.
    struct Case: Equatable {
        var session: String
        var status: String
        var reason: String
        var cue: String?
        var agent: String?
        var requestedAt: Double

        init?(_ frame: JSONValue?) {
            guard let frame, let session = frame["session"]?.string, let status = frame["status"]?.string else { return nil }
            self.session = session
            self.status = status
            reason = frame["reason"]?.string ?? "asked"
            cue = frame["cue"]?.string
            agent = frame["agent"]?.string
            requestedAt = frame["requested_at"]?.number ?? 0
        }

        var isOpen: Bool { status == "waiting" || status == "claimed" }
    }

    var agent: String
    private(set) var cases: [String: Case] = [:]
    /// The sessions in the order last listed, so `:claim 2` means the second.
    private(set) var listed: [String] = []
    /// The case the agent is looking at.
    var current: String?

    init(agent: String) { self.agent = agent }

    static let reasons = ["asked": "the customer asked for a human", "misses": "the bot did not understand", "anger": "the customer is upset"]

    /// The open cases, oldest first.
    var queue: [Case] { cases.values.filter(\.isOpen).sorted { ($0.requestedAt, $0.session) < ($1.requestedAt, $1.session) } }

    /// Takes in one pushed frame and returns the lines to show for it.
    mutating func apply(_ frame: JSONValue, now: Double) -> [String] {
        switch frame["type"]?.string {
        case "queue":
            agent = frame["agent"]?.string ?? agent
            cases = [:]
            for item in frame["cases"]?.array ?? [] { if let item = Case(item) { cases[item.session] = item } }
            let waiting = queue.filter { $0.status == "waiting" }.count
            return ["connected as \(agent): \(waiting) waiting, \(queue.count - waiting) with agents (:list to see them, :help for commands)"]
        case "case":
            guard let item = Case(frame["case"]) else { return [] }
            let before = cases[item.session]
            cases[item.session] = item
            if before?.status == item.status { return [] }
            switch item.status {
            case "waiting": return ["new case \(Self.short(item.session)): \(Self.describe(item))"]
            case "claimed": return item.agent == agent ? [] : ["\(Self.short(item.session)) taken by \(item.agent ?? "another agent")"]
            case "released": return ["\(Self.short(item.session)) given back to the bot"]
            default: return ["\(Self.short(item.session)) closed"]
            }
        case "message":
            guard let session = frame["session"]?.string, let message = frame["message"] else { return [] }
            let line = Self.line(message, me: agent)
            if message["author"]?.string == "agent", message["agent"]?.string == agent { return [] }   // my own, shown when sent
            return [session == current ? line : "[\(Self.short(session))] \(line)"]
        case "error":
            return ["error: \(frame["error"]?["message"]?.string ?? "unknown")"]
        default:
            return []
        }
    }

    /// Records a case from a command's answer (`ok`).
    mutating func update(_ frame: JSONValue) {
        if let item = Case(frame["case"]) { cases[item.session] = item }
    }

    /// `:list`: the open cases, numbered.
    mutating func listing(now: Double) -> [String] {
        let open = queue
        listed = open.map(\.session)
        guard !open.isEmpty else { return ["no conversations are waiting"] }
        return open.enumerated().map { index, item in
            let mark = item.session == current ? "*" : " "
            let holder = item.status == "claimed" ? "claimed by \(item.agent ?? "?")" : "waiting"
            return "\(mark)\(index + 1)  \(Self.short(item.session))  \(holder)  \(Self.describe(item))  \(Self.minutes(since: item.requestedAt, now: now))"
        }
    }

    /// The session a command argument names: a number from the last listing, a session or the
    /// start of one; nil when it names none (or several).
    func resolve(_ argument: String) -> String? {
        if let number = Int(argument), number >= 1, number <= listed.count { return listed[number - 1] }
        if cases[argument] != nil { return argument }
        let matches = cases.keys.filter { $0.hasPrefix(argument) }
        return matches.count == 1 ? matches.first : nil
    }

    /// A conversation frame (`:open`) as lines: the reason, then every message.
    static func transcript(_ conversation: JSONValue, me: String) -> [String] {
        var lines: [String] = []
        if let item = Case(conversation["handoff"]) {
            lines.append("── \(short(item.session)) · \(describe(item)) · \(item.status == "claimed" ? "claimed by \(item.agent ?? "?")" : "waiting")")
        }
        for message in conversation["messages"]?.array ?? [] { lines.append(line(message, me: me)) }
        return lines
    }

    static func line(_ message: JSONValue, me: String) -> String {
        let text = message["text"]?.string ?? ""
        switch message["author"]?.string {
        case "customer": return "customer: \(text)"
        case "bot": return "bot: \(text)"
        default:
            let name = message["agent"]?.string ?? "agent"
            return name == me ? "you: \(text)" : "\(name): \(text)"
        }
    }

    static func describe(_ item: Case) -> String {
        (reasons[item.reason] ?? item.reason) + (item.cue.map { " (\($0))" } ?? "")
    }

    /// The first 12 characters of a session, enough to tell cases apart.
    static func short(_ session: String) -> String { String(session.prefix(12)) }

    static func minutes(since time: Double, now: Double) -> String {
        let minutes = Int(max(0, now - time) / 60)
        return minutes < 1 ? "just now" : "\(minutes) min"
    }
}
