import ChatCore

/// A conversation handed to a human agent: its place in the queue and what became of it.
///
/// 「转人工」 in session `c42` at turn 3 → a `waiting` case with reason `asked`; agent 王芳 claims
/// it (`claimed`, `claimedAt`), answers (`firstReplyAt`), then releases it to the bot
/// (`released`) or closes the conversation (`closed`). A case is known by its session,
/// conversation and the turn that handed off.
public struct HandoffCase: Sendable, Equatable {
    /// Where a case stands.
    public enum Status: String, Sendable, CaseIterable {
        /// In the queue, no agent yet.
        case waiting
        /// An agent is talking with the customer.
        case claimed
        /// Given back to the bot; the bot answers again.
        case released
        /// Ended by the agent; the customer's next line starts a new conversation.
        case closed

        /// Waiting or claimed: the bot stays quiet.
        public var isOpen: Bool { self == .waiting || self == .claimed }
    }

    public var session: String
    public var conversation: Int
    /// The state's turn count after the line that handed off.
    public var turn: Int
    public var reason: HandoffReason
    /// When the bot handed off, in seconds since 1970 (UTC).
    public var requestedAt: Double
    public var status: Status
    /// The agent who claimed it (the name the agent gave).
    public var agent: String?
    public var claimedAt: Double?
    /// When an agent first wrote to the customer.
    public var firstReplyAt: Double?
    /// When it was released or closed.
    public var endedAt: Double?

    public init(session: String, conversation: Int, turn: Int, reason: HandoffReason, requestedAt: Double,
                status: Status = .waiting, agent: String? = nil, claimedAt: Double? = nil, firstReplyAt: Double? = nil,
                endedAt: Double? = nil) {
        self.session = session
        self.conversation = conversation
        self.turn = turn
        self.reason = reason
        self.requestedAt = requestedAt
        self.status = status
        self.agent = agent
        self.claimedAt = claimedAt
        self.firstReplyAt = firstReplyAt
        self.endedAt = endedAt
    }
}

/// What a human agent wrote to a customer, placed in the conversation after turn `afterTurn`.
public struct AgentMessage: Sendable, Equatable {
    public var session: String
    public var conversation: Int
    /// The state's turn count when it was sent: it follows that customer line in the history.
    public var afterTurn: Int
    /// Seconds since 1970 (UTC).
    public var time: Double
    public var agent: String
    public var text: String

    public init(session: String, conversation: Int, afterTurn: Int, time: Double, agent: String, text: String) {
        self.session = session
        self.conversation = conversation
        self.afterTurn = afterTurn
        self.time = time
        self.agent = agent
        self.text = text
    }
}

/// One conversation read back from a store, for a history restored after a restart: its
/// customer lines with the replies the bot gave (`reply` empty when the bot stayed quiet because
/// an agent had the conversation) and the agents' messages.
public struct StoredConversation: Sendable, Equatable {
    public struct Turn: Sendable, Equatable {
        public var turn: Int
        public var time: Double
        public var user: String
        public var reply: String

        public init(turn: Int, time: Double, user: String, reply: String) {
            self.turn = turn
            self.time = time
            self.user = user
            self.reply = reply
        }
    }

    public var turns: [Turn]
    public var agentMessages: [AgentMessage]

    public init(turns: [Turn] = [], agentMessages: [AgentMessage] = []) {
        self.turns = turns
        self.agentMessages = agentMessages
    }
}
