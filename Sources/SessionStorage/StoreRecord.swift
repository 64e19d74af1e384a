/// One row of a session store as `kefu store export --format jsonl` writes it and `kefu store
/// import` reads it: a JSON object a line with its table's name and its columns, the same for
/// SQLite and PostgreSQL, so a store moves between the two.
///
/// ```
/// {"table":"session","id":"c42","conversation":0,"turns":2,"state":"{…}","version":2,"updated_at":1765000000.5}
/// {"table":"turn","session":"c42","conversation":0,"turn":1,"time":1765000000.1,"user_text":"我想退货",…}
/// ```
/// Sessions come first, then turns, cases and agent messages, each in the order they were written.
public enum StoreRecord: Sendable, Equatable, Codable {
    case session(SessionRow)
    case turn(TurnRow)
    case handoff(HandoffRow)
    case agentMessage(AgentMessageRow)

    public struct SessionRow: Sendable, Equatable, Codable {
        public var id: String
        public var conversation: Int
        public var turns: Int
        /// The dialogue state as its JSON text (kept as written, masked already).
        public var state: String
        public var version: Int64
        public var updated_at: Double

        public init(id: String, conversation: Int, turns: Int, state: String, version: Int64, updated_at: Double) {
            self.id = id
            self.conversation = conversation
            self.turns = turns
            self.state = state
            self.version = version
            self.updated_at = updated_at
        }
    }

    public struct TurnRow: Sendable, Equatable, Codable {
        public var session: String
        public var conversation: Int
        public var turn: Int
        public var time: Double
        public var user_text: String
        public var reply_text: String
        public var intent: String?
        public var confidence: Double?
        public var answer: String?
        public var answer_confidence: Double?
        public var policy: String
        public var handoff: Bool
        public var reason: String

        public init(session: String, conversation: Int, turn: Int, time: Double, user_text: String, reply_text: String,
                    intent: String?, confidence: Double?, answer: String?, answer_confidence: Double?, policy: String,
                    handoff: Bool, reason: String) {
            self.session = session
            self.conversation = conversation
            self.turn = turn
            self.time = time
            self.user_text = user_text
            self.reply_text = reply_text
            self.intent = intent
            self.confidence = confidence
            self.answer = answer
            self.answer_confidence = answer_confidence
            self.policy = policy
            self.handoff = handoff
            self.reason = reason
        }
    }

    public struct HandoffRow: Sendable, Equatable, Codable {
        public var session: String
        public var conversation: Int
        public var turn: Int
        public var reason: String
        public var cue: String?
        public var requested_at: Double
        public var status: String
        public var agent: String?
        public var claimed_at: Double?
        public var first_reply_at: Double?
        public var ended_at: Double?

        public init(_ item: HandoffCase) {
            session = item.session
            conversation = item.conversation
            turn = item.turn
            reason = item.reason.kind.rawValue
            cue = item.reason.cue
            requested_at = item.requestedAt
            status = item.status.rawValue
            agent = item.agent
            claimed_at = item.claimedAt
            first_reply_at = item.firstReplyAt
            ended_at = item.endedAt
        }
    }

    public struct AgentMessageRow: Sendable, Equatable, Codable {
        public var session: String
        public var conversation: Int
        public var after_turn: Int
        public var time: Double
        public var agent: String
        public var text: String

        public init(_ message: AgentMessage) {
            session = message.session
            conversation = message.conversation
            after_turn = message.afterTurn
            time = message.time
            agent = message.agent
            text = message.text
        }
    }

    /// The table names of the `table` key.
    public static let tables = ["session", "turn", "handoff", "agent_message"]

    private enum Key: String, CodingKey { case table }

    public init(from decoder: any Decoder) throws {
        let table = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .table)
        switch table {
        case "session": self = .session(try SessionRow(from: decoder))
        case "turn": self = .turn(try TurnRow(from: decoder))
        case "handoff": self = .handoff(try HandoffRow(from: decoder))
        case "agent_message": self = .agentMessage(try AgentMessageRow(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(forKey: .table, in: try decoder.container(keyedBy: Key.self),
                                                   debugDescription: "unknown table '\(table)'; the tables are \(Self.tables.joined(separator: ", "))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .session(let row): try container.encode("session", forKey: .table); try row.encode(to: encoder)
        case .turn(let row): try container.encode("turn", forKey: .table); try row.encode(to: encoder)
        case .handoff(let row): try container.encode("handoff", forKey: .table); try row.encode(to: encoder)
        case .agentMessage(let row): try container.encode("agent_message", forKey: .table); try row.encode(to: encoder)
        }
    }
}
