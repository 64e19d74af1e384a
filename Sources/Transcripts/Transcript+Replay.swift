import ChatEngine
import Dialogue
import Entities
import Learning

extension Transcript {
    /// Replays the transcript through `engine`, as a live front end would: a fresh
    /// `DialogueState.start`, each line through `engine.respond(to:in:at:)` at the transcript's
    /// `now` (`clock` when it has none, or when its `now` does not parse — which only a
    /// transcript built in memory can have). Every check of every turn is made; a failed turn
    /// does not stop the replay.
    public func replay(with engine: ChatEngine, clock: ReferenceTime) -> TranscriptResult {
        let started = ContinuousClock.now
        let written = now.flatMap { try? ReferenceTime(iso8601: $0) }
        let time = written ?? clock
        var state = DialogueState.start
        var results: [TurnResult] = []
        results.reserveCapacity(turns.count)
        for (index, turn) in turns.enumerated() {
            let (reply, next) = engine.respond(to: turn.user, in: state, at: time)
            state = next
            results.append(TurnResult(number: index + 1, turn: turn, reply: reply, failures: turn.checks.failures(for: reply)))
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return TranscriptResult(transcript: self, now: time, nowIsClock: written == nil, turns: results, seconds: seconds)
    }

    /// Replays each transcript through its engine, on all cores (transcripts are independent and
    /// `respond` is pure); the results come back in the order given.
    public static func replay(_ runs: [(transcript: Transcript, engine: ChatEngine)], clock: ReferenceTime) -> [TranscriptResult] {
        ParallelChunks.map(runs.count) { runs[$0].transcript.replay(with: runs[$0].engine, clock: clock) }
    }
}
