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

    /// Adds the turn of `user` answered with `reply` at `time`; `human`: an agent had the
    /// conversation, so the line is kept without checks on the bot's reply.
    public mutating func record(_ user: String, _ reply: Reply, at time: ReferenceTime, human: Bool = false) {
        if now == nil { now = time.isoText }
        turns.append(human ? TranscriptTurn(user: user, human: true) : TranscriptTurn(user: user, reply: reply))
    }

    /// Adds what an agent wrote after the last line.
    public mutating func recordAgent(_ message: AgentLine) {
        guard !turns.isEmpty else { return }
        turns[turns.count - 1].agentMessages.append(message)
    }

    /// Notes that the agent gave the conversation back to the bot after the last line.
    public mutating func recordRelease() {
        guard !turns.isEmpty else { return }
        turns[turns.count - 1].released = true
    }

    /// The transcript recorded so far, named `name`.
    public func transcript(name: String) -> Transcript {
        Transcript(name: name, now: now, turns: turns)
    }
}
