import Entities
import Privacy

/// A transcript as replayed: every turn with its reply and failed checks, the reference time the
/// turns were answered at, and how long it took.
public struct TranscriptResult: Hashable, Sendable {
    public var transcript: Transcript
    /// The reference time relative dates were read against.
    public var now: ReferenceTime
    /// Whether ``now`` is the clock (the transcript has no `now:`).
    public var nowIsClock: Bool
    public var turns: [TurnResult]
    /// Wall-clock seconds the replay took.
    public var seconds: Double
    /// The bot's privacy mask: the diff (printed, and written into JUnit files) passes through it.
    public var mask: PrivacyMask

    public init(transcript: Transcript, now: ReferenceTime, nowIsClock: Bool, turns: [TurnResult], seconds: Double,
                mask: PrivacyMask = PrivacyMask()) {
        self.mask = mask
        self.transcript = transcript
        self.now = now
        self.nowIsClock = nowIsClock
        self.turns = turns
        self.seconds = seconds
    }

    /// Whether every check of every turn passed.
    public var passed: Bool { turns.allSatisfy(\.passed) }

    /// The turns with a failed check.
    public var failedTurns: [TurnResult] { turns.filter { !$0.passed } }
}
