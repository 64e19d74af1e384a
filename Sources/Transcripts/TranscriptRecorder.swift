import ChatCore
import Entities

/// Turns a live conversation into a transcript, one (customer line, reply) pair at a time; both
/// front ends record through it (`:save` in `kefu chat`, `kefu serve --stdio --record DIR`).
///
/// ```swift
/// var recorder = TranscriptRecorder()
/// recorder.record("我想退货", reply, at: now)     // now: 2026-11-23T10:00:00+08:00
/// recorder.transcript(name: "returns").yaml(mask: PrivacyMask())
/// ```
public struct TranscriptRecorder: Hashable, Sendable {
    /// The turns so far, each with the checks seen.
    public private(set) var turns: [TranscriptTurn] = []
    /// The reference time of the first turn (ISO 8601), written as `now:` so relative dates
    /// (「明天」) replay the same.
    public private(set) var now: String?

    public init() {}

    /// Continues a transcript read back from a file (a restarted `kefu serve --store … --record …`).
    public init(continuing transcript: Transcript) {
        turns = transcript.turns
        now = transcript.now
    }

    /// Adds the turn of `user` answered with `reply` at `time`.
    public mutating func record(_ user: String, _ reply: Reply, at time: ReferenceTime) {
        if now == nil { now = time.isoText }
        turns.append(TranscriptTurn(user: user, reply: reply))
    }

    /// The transcript recorded so far, named `name`.
    public func transcript(name: String) -> Transcript {
        Transcript(name: name, now: now, turns: turns)
    }
}
