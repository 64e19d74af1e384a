/// Where a reply came from, so a client, `:why` and a transcript can tell an intent's words from
/// a knowledge-base answer or a table row, whatever the classifier thought of the line.
///
/// 「20261120093015」 (the order number asked for) → `.table(name: "orders", row: "20261120093015",
/// intent: "order_status")`; 「运费怎么算」 → `.knowledgeBase(entry: "shipping-fee")`.
public enum ReplySource: Hashable, Sendable, CustomStringConvertible {
    /// An intent's own words: its reply, a slot's prompt, its confirm question, small talk.
    case intent(String)
    /// A knowledge-base entry's answer.
    case knowledgeBase(entry: String)
    /// An intent's words filled from a table row (`row` is the key looked up; nil when no row has it).
    case table(name: String, row: String?, intent: String)
    /// The request to rephrase a line that was not understood.
    case fallback
    /// A human agent takes over (or already has), and why.
    case handoff(HandoffReason)
    /// One of the bot's own messages (`bot.yml`'s `messages:` key): an apology, an acknowledgement, a reset.
    case message(String)

    /// The kind as JSON and transcripts name it: `intent`, `knowledge_base`, `table`, `fallback`,
    /// `handoff` or `message`.
    public var kind: String {
        switch self {
        case .intent: "intent"
        case .knowledgeBase: "knowledge_base"
        case .table: "table"
        case .fallback: "fallback"
        case .handoff: "handoff"
        case .message: "message"
        }
    }

    /// The intent whose words the reply is (also for a table row read by an intent).
    public var intent: String? {
        switch self {
        case let .intent(name), let .table(_, _, name): name
        default: nil
        }
    }

    /// The kind and what was used, word by word: `table orders 20261120093015 order_status`,
    /// `knowledge_base shipping-fee`, `handoff anger`, `message frustration`, `fallback`.
    public var description: String {
        switch self {
        case let .intent(name): "intent \(name)"
        case let .knowledgeBase(entry): "knowledge_base \(entry)"
        case let .table(name, row, intent): "table \(name) \(row ?? "(no row)") \(intent)"
        case .fallback: "fallback"
        case let .handoff(reason): "handoff \(reason.kind.rawValue)"
        case let .message(key): "message \(key)"
        }
    }
}

/// Why a conversation went to a human agent: the customer asked (or accepted the offer), the
/// bot missed too many lines in a row, or the customer was upset — with the cue that showed it.
///
/// 「你们这什么垃圾服务，我要投诉！」 after an apology → `anger`, cue `word 垃圾`.
public struct HandoffReason: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The customer asked for a human (「转人工」) or said yes to the offer of one.
        case asked
        /// `fallback.handoff_after` lines in a row were not understood.
        case misses
        /// The customer was upset again after the apology.
        case anger
    }

    public var kind: Kind
    /// What showed it (`word 投诉`, `miss 2 of 2`, `accepted the offer`), for people.
    public var cue: String?

    public init(_ kind: Kind, cue: String? = nil) {
        self.kind = kind
        self.cue = cue
    }

    /// `anger (word 投诉)`.
    public var description: String { kind.rawValue + (cue.map { " (\($0))" } ?? "") }
}
