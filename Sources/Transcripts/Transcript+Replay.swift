import ChatCore
import ChatEngine
import Dialogue
import Entities
import Learning
import Privacy

extension Transcript {
    /// Replays the transcript through `engine`, as a live front end would: a fresh
    /// `DialogueState.start`, each line through `engine.respond(to:in:at:)` at the transcript's
    /// `now` (`clock` when it has none, or when its `now` does not parse — which only a
    /// transcript built in memory can have). Every check of every turn is made; a failed turn
    /// does not stop the replay.
    public func replay(with engine: ChatEngine, clock: ReferenceTime) -> TranscriptResult {
        let started = ContinuousClock.now
        let written = now.flatMap { try? engine.referenceTime(iso8601: $0) }
        let time = written ?? clock
        var state = DialogueState.start
        var results: [TurnResult] = []
        results.reserveCapacity(turns.count)
        for (index, turn) in turns.enumerated() {
            let reply: Reply
            if turn.human {
                // A person answered this line; the bot's part resumes after the release.
                reply = Reply(text: "", source: .handoff(state.handoffReason ?? HandoffReason(.asked)), handoff: true,
                              policy: .handoff, reason: "answered by a human agent")
                state.turns += 1
            } else {
                let (answered, next) = engine.respond(to: turn.user, in: state, at: time)
                reply = answered
                state = next
            }
            if turn.released { state = state.returnedFromAgent() }
            results.append(TurnResult(number: index + 1, turn: turn, reply: reply,
                                      failures: Self.failures(of: turn.checks, for: reply, mask: engine.privacyMask)))
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return TranscriptResult(transcript: self, now: time, nowIsClock: written == nil, turns: results, seconds: seconds,
                                mask: engine.privacyMask)
    }

    /// The checks `reply` fails both as the bot said it and as a recording writes it (masked): a
    /// recorded reply that quoted the shop's e-mail holds `h***@honey-mall.example`, a
    /// hand-written one may hold the address itself; either passes.
    static func failures(of checks: TurnChecks, for reply: Reply, mask: PrivacyMask) -> [CheckFailure] {
        let plain = checks.failures(for: reply)
        guard !plain.isEmpty, mask.isEnabled else { return plain }
        var masked = reply
        masked.text = mask.mask(reply.text)
        masked.slots = reply.slots.mapValues { mask.mask($0) }
        let stillFailing = Set(checks.failures(for: masked).map(\.check))
        return plain.filter { stillFailing.contains($0.check) }
    }

    /// Replays each transcript through its engine, on all cores (transcripts are independent and
    /// `respond` is pure); the results come back in the order given.
    public static func replay(_ runs: [(transcript: Transcript, engine: ChatEngine)], clock: ReferenceTime) -> [TranscriptResult] {
        ParallelChunks.map(runs.count) { runs[$0].transcript.replay(with: runs[$0].engine, clock: clock) }
    }
}
