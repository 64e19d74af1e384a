import BotDefinition
import ChatCore

/// The dialogue policies of one bot: given a line understood and a conversation's state, the
/// reply and the next state. Immutable and `Sendable`: one manager serves every conversation.
///
/// PLACEHOLDER (to be replaced by the dialogue work): answers an intent's reply when it needs no
/// slots, a knowledge-base answer when one is accepted, and a fallback otherwise.
public struct DialogueManager: Sendable {
    public let bot: Bot

    public init(bot: Bot) {
        self.bot = bot
    }

    /// The reply to `utterance` in `state`, and the state after it. `knowledge` finds
    /// knowledge-base answers (for the line, or for the line read with the previous answer's
    /// context).
    public func respond(to utterance: Utterance, in state: DialogueState,
                        knowledge: any KnowledgeSearch) -> (Reply, DialogueState) {
        var next = state
        next.turns += 1
        if let intent = utterance.prediction.intent, let definition = bot.intent(named: intent.name),
           definition.slots.isEmpty, let text = definition.reply?.render(slots: [:]) {
            next.fallbacks = 0
            return (Reply(text: text, intent: intent, policy: .intentReply, reason: "intent \(intent.name)"), next)
        }
        if let answer = knowledge.answers(for: utterance.text, limit: 1).first, answer.isAccepted,
           let entry = bot.entry(id: answer.choice.id) {
            next.fallbacks = 0
            return (Reply(text: entry.answer, intent: utterance.prediction.intent, answer: answer.choice,
                          policy: .knowledgeAnswer, reason: "answer \(entry.id)"), next)
        }
        next.fallbacks += 1
        return (Reply(text: "抱歉，我没有理解您的意思，能换个说法吗？", intent: utterance.prediction.intent,
                      policy: .fallback, reason: "no intent or answer"), next)
    }
}
