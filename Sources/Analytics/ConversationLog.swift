/// One conversation's turns in order, with a name that says where it came from: a transcript's
/// name, or `session c42 #2` for the third conversation (after two resets) of a stored session.
public struct ConversationLog: Hashable, Sendable {
    public var name: String
    public var turns: [LoggedTurn]

    public init(name: String, turns: [LoggedTurn]) {
        self.name = name
        self.turns = turns
    }

    /// Whether the conversation ended with a human agent in charge (its last turn handed off,
    /// or came after a hand-off).
    public var endedHandedOff: Bool { turns.last?.handoff ?? false }

    /// The turns at which the bot handed off: a turn with `handoff` whose previous turn had none
    /// (later turns only say a human is coming).
    public var handoffMoments: Int {
        var count = 0
        var before = false
        for turn in turns {
            if turn.handoff, !before { count += 1 }
            before = turn.handoff
        }
        return count
    }
}
