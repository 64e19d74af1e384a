import ChatCore

/// The figures `kefu stats` reports over a set of conversations: how many, how long, what
/// customers asked (intents), how often the bot could not answer (fallbacks) or passed the
/// conversation to a human (hand-offs), which knowledge-base answers it gave and which policies
/// chose its replies.
///
/// ```swift
/// let stats = ConversationStats(logs)
/// print(stats.fallback.rate)     // 0.0667: 12 of 180 turns fell back
/// ```
public struct ConversationStats: Hashable, Sendable, Codable {
    /// Turns per conversation.
    public struct Turns: Hashable, Sendable, Codable {
        public var total: Int
        public var mean: Double
        public var median: Double
        public var max: Int
    }

    /// Turns whose reply was the fallback (ask to rephrase).
    public struct Fallback: Hashable, Sendable, Codable {
        public var turns: Int
        /// `turns` over all turns.
        public var rate: Double
    }

    /// Conversations a human agent took over.
    public struct Handoff: Hashable, Sendable, Codable {
        /// Conversations whose last turn was handed off.
        public var conversations: Int
        /// `conversations` over all conversations.
        public var rate: Double
        /// Turns at which the bot handed off (asked for, after misses, or on frustration).
        public var turns: Int
    }

    public var conversations: Int
    public var turns: Turns
    /// Intents of all turns; nil: no intent understood. Shares over all turns.
    public var intents: Histogram
    public var fallback: Fallback
    public var handoff: Handoff
    /// Knowledge-base entries given as answers; shares over the turns that gave one.
    public var answers: Histogram
    /// The policies that chose the replies; shares over all turns.
    public var policies: Histogram
    /// The hand-off queue's cases (from a store written by `kefu serve --http`); nil without any.
    public var agents: AgentFigures?

    /// The figures of `logs` and of the hand-off cases `handoffs`.
    /// - Complexity: O(turns + conversations log conversations).
    public init(_ logs: [ConversationLog], handoffs: [HandoffRecord] = []) {
        let lengths = logs.map(\.turns.count).sorted()
        let total = lengths.reduce(0, +)
        let median = Ratio.median(ofSorted: lengths.map(Double.init))
        conversations = logs.count
        turns = Turns(total: total, mean: Ratio.rounded(logs.isEmpty ? 0 : Double(total) / Double(logs.count)),
                      median: median, max: lengths.last ?? 0)
        let all = logs.lazy.flatMap(\.turns)
        intents = Histogram(all.map(\.intent))
        let fallbacks = all.filter { $0.policy == ReplyPolicy.fallback.rawValue }.count
        fallback = Fallback(turns: fallbacks, rate: Ratio.rounded(fallbacks, of: total))
        let ended = logs.filter(\.endedHandedOff).count
        handoff = Handoff(conversations: ended, rate: Ratio.rounded(ended, of: logs.count),
                          turns: logs.reduce(0) { $0 + $1.handoffMoments })
        answers = Histogram(all.compactMap(\.answer).map { Optional($0) })
        policies = Histogram(all.map { Optional($0.policy) })
        agents = AgentFigures(handoffs)
    }
}
