import SessionStorage
import ChatCore
import ChatEngine
import Dialogue
import Entities

/// The lines of one batch that belong to one session, answered in order from the session's
/// state before the batch. Sessions are independent, so different sessions' work can run on
/// different cores while each session's turns stay in sequence.
struct SessionWork: Sendable {
    var session: String
    var start: StoredSession
    /// Positions of the session's requests in the batch, in input order.
    var positions: [Int]

    /// What the work produced: a response for each position, the session after the last line,
    /// the answered turns (with their batch positions) and whether the session changed.
    struct Outcome: Sendable {
        var session: String
        var end: StoredSession
        var responses: [(position: Int, response: Response)]
        var turns: [(position: Int, record: TurnRecord)]
        var changed: Bool
    }

    /// Answers the session's requests one after another.
    /// - Parameter idleTimeout: seconds of silence after which the dialogue context starts afresh.
    func run(_ requests: [Request?], engine: ChatEngine, now: ReferenceTime, time: Double, idleTimeout: Double?) -> Outcome {
        var current = start.resumed(at: time, idleTimeout: idleTimeout)
        var outcome = Outcome(session: session, end: start, responses: [], turns: [], changed: false)
        outcome.responses.reserveCapacity(positions.count)
        for position in positions {
            guard let request = requests[position] else { continue }
            switch request.action {
            case .text(let text):
                let (reply, next) = engine.respond(to: text, in: current.state, at: request.now ?? now)
                current.state = next
                outcome.changed = true
                outcome.responses.append((position, .reply(session: session, id: request.id, reply)))
                outcome.turns.append((position, TurnRecord(session: session, conversation: current.conversation, turn: next.turns,
                                                           time: time, text: text, reply: reply)))
            case .state:
                outcome.responses.append((position, .state(session: session, id: request.id, current.state)))
            case .reset:
                current = current.nextConversation()
                outcome.changed = true
                outcome.responses.append((position, .reset(session: session, id: request.id)))
            }
        }
        outcome.end = current
        return outcome
    }
}
