import ChatCore

/// One turn of a transcript as replayed: the turn, the reply the engine gave and the checks
/// that reply failed (none when the turn passed).
public struct TurnResult: Hashable, Sendable {
    /// The turn's number in its transcript, from 1.
    public var number: Int
    public var turn: TranscriptTurn
    public var reply: Reply
    public var failures: [CheckFailure]

    public init(number: Int, turn: TranscriptTurn, reply: Reply, failures: [CheckFailure]) {
        self.number = number
        self.turn = turn
        self.reply = reply
        self.failures = failures
    }

    public var passed: Bool { failures.isEmpty }
}
