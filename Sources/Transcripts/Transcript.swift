/// A recorded conversation with the checks each turn must pass (DESIGN §2): replayed through the
/// same `ChatEngine.respond` the live front ends use, it is a regression test.
///
/// ```yaml
/// name: 退货-提供订单号
/// now: 2026-11-23T10:00:00+08:00     # optional: the reference time for relative dates
/// bot: ..                            # optional: the bot folder, relative to this file
/// turns:
///   - user: 我想退货
///     intent: return_request
///     reply: 请提供您的订单号（14位数字）。
///   - user: 20241105123456
///     slots: { order_id: "20241105123456" }
///     reply_contains: 退货申请已提交
/// ```
public struct Transcript: Hashable, Sendable {
    public var name: String
    /// The reference time (ISO 8601 text as written), nil for the clock.
    public var now: String?
    /// The bot folder as written (relative to the transcript's file), nil for the command's `--bot`.
    public var bot: String?
    public var turns: [TranscriptTurn]
    /// The file it was read from, nil when built in memory.
    public var file: String?

    public init(name: String, now: String? = nil, bot: String? = nil, turns: [TranscriptTurn], file: String? = nil) {
        self.name = name
        self.now = now
        self.bot = bot
        self.turns = turns
        self.file = file
    }
}

/// One customer line of a transcript and the checks its reply must pass (each optional); in a
/// conversation handed to a person, also what the agent wrote after it.
///
/// ```yaml
///   - user: 我的快递丢了
///     human: true                      # an agent had the conversation: the bot stayed quiet
///     agent:
///       - { name: 王芳, text: 您好，我帮您查一下 }
///     released: true                   # then the agent gave it back to the bot
/// ```
public struct TranscriptTurn: Hashable, Sendable {
    public var user: String
    public var checks: TurnChecks
    /// Whether a human agent had the conversation when the line came (the bot did not answer
    /// it); replay does not send it through the bot's policies.
    public var human: Bool
    /// What agents wrote after the line.
    public var agentMessages: [AgentLine]
    /// Whether the agent gave the conversation back to the bot after the line.
    public var released: Bool
    /// The line of `- user:` in the file, nil when built in memory.
    public var line: Int?

    public init(user: String, checks: TurnChecks = TurnChecks(), human: Bool = false, agentMessages: [AgentLine] = [],
                released: Bool = false, line: Int? = nil) {
        self.user = user
        self.checks = checks
        self.human = human
        self.agentMessages = agentMessages
        self.released = released
        self.line = line
    }
}

/// A message a human agent wrote: who and what.
public struct AgentLine: Hashable, Sendable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// What a turn's reply must show. Every check is optional; `intent: null` in YAML would be a
/// check that no intent was understood (`.some(nil)`).
public struct TurnChecks: Hashable, Sendable {
    /// The intent whose words the reply must be (`.some(nil)`: none — a knowledge-base answer,
    /// a fallback, a hand-off, one of the bot's messages).
    public var intent: String??
    /// Where the reply must come from, as the first words of `ReplySource.description`:
    /// `table`, `table orders`, `knowledge_base shipping-fee`, `handoff anger`.
    public var source: String?
    /// The knowledge-base entry the reply must give (`.some(nil)`: none).
    public var answer: String??
    /// Slots the reply must carry with these values (others may be present).
    public var slots: [String: String]?
    /// The exact reply text.
    public var reply: String?
    /// Text the reply must contain.
    public var replyContains: String?
    /// A regular expression the reply must match.
    public var replyMatches: String?
    /// Whether the reply hands off to a human.
    public var handoff: Bool?

    public init(intent: String?? = nil, source: String? = nil, answer: String?? = nil, slots: [String: String]? = nil,
                reply: String? = nil, replyContains: String? = nil, replyMatches: String? = nil, handoff: Bool? = nil) {
        self.intent = intent
        self.source = source
        self.answer = answer
        self.slots = slots
        self.reply = reply
        self.replyContains = replyContains
        self.replyMatches = replyMatches
        self.handoff = handoff
    }
}
