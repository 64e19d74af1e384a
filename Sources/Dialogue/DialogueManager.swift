import BotDefinition
import ChatCore

/// The dialogue policies of one bot: given a line understood and a conversation's state, the
/// reply and the next state. Immutable and `Sendable`: one manager serves every conversation.
/// Pure and deterministic: no clock, no randomness, no I/O.
///
/// The policies, in the order a line meets them:
/// 1. after a hand-off every line gets the `handed_off` message, until `reset`;
/// 2. `human_agent` (「转人工」) hands off, `reset` starts over, at any time;
/// 3. an answer to a pending offer of a human (yes → hand-off, no → carry on);
/// 4. frustration (lexicon, `complaint`, 「！！！」, a repeated line) → apology and the offer of a
///    human; upset again after that → hand-off;
/// 5. a pending confirmation: yes → the intent's reply, no → `confirmation_declined`, a new
///    slot value → looked up and asked again, anything else → answered, then asked again;
/// 6. a pending slot: a value fills it (and the form goes on: next slot, lookup, confirmation,
///    reply), a wrong-looking value → `slot_invalid`, no → the form is dropped, anything else →
///    answered as a digression, then the slot's prompt again;
/// 7. otherwise: small talk, a follow-up answer (the line searched with the previous answer's topic, `AnswerTopics`), an
///    intent or a knowledge-base answer (`DialogueTuning` decides between them), or a miss
///    (rephrase; `fallback.handoff_after` misses in a row → hand-off).
///
/// Values the customer gives (an order number, a phone, a product) are remembered for the
/// conversation and offered to the next form that needs them; a follow-up (「那能不能催一下」) takes
/// them without asking. A form looks its row up as soon as the key is known, and the row's
/// `lookup.by` column may pick a case of its own (an unpaid order's return offers cancellation).
///
/// 「我想退货」 → 「请提供您的订单号（14位数字）。」 (`slot_prompt`); 「2024110512345」 →
/// 「订单号是 14 位数字，您输入的 2024110512345 是 13 位……」 (`slot_invalid`).
public struct DialogueManager: Sendable {
    public let bot: Bot
    public let tuning: DialogueTuning
    /// What each knowledge-base entry is about, for follow-ups.
    public let topics: AnswerTopics
    let frustration: FrustrationDetector
    /// Each intent example's `LineCues.contentWithoutDigits` → its intent (the first wins).
    let intentByExample: [String: String]
    /// The words the bot knows, in all and by intent.
    let vocabulary: BotVocabulary
    /// The entities whose values are remembered for the conversation: the bot's own, phones and
    /// e-mails, when some slot takes them (not numbers, money, dates or times).
    let rememberedEntities: Set<String>

    /// - Parameter vocabulary: the words the bot knows, normalized as tokens are
    ///   (`ChatEngine` builds it with the bot's segmenter); empty: no line names anything unknown.
    public init(bot: Bot, tuning: DialogueTuning = DialogueTuning(), vocabulary: BotVocabulary = []) {
        self.bot = bot
        self.tuning = tuning
        self.vocabulary = vocabulary
        let slotEntities = Set(bot.intents.flatMap { $0.slots.map(\.entity) })
        rememberedEntities = slotEntities.filter { bot.declaresEntity($0) || $0 == "phone" || $0 == "email" }
        self.topics = AnswerTopics(bot.knowledgeBase, intents: bot.intents)
        self.frustration = FrustrationDetector(extraWords: bot.settings.frustrationWords, impatienceWords: bot.settings.impatienceWords)
        var examples: [String: String] = [:]
        for intent in bot.intents {
            for example in intent.examples {
                let key = LineCues(example.text).contentWithoutDigits
                if !key.isEmpty, examples[key] == nil { examples[key] = intent.name }
            }
        }
        intentByExample = examples
    }

    /// The reply to `utterance` in `state`, and the state after it. `knowledge` finds
    /// knowledge-base answers (for the line, or for the line read with the previous answer's
    /// context).
    public func respond(to utterance: Utterance, in state: DialogueState,
                        knowledge: any KnowledgeSearch) -> (Reply, DialogueState) {
        var turn = DialogueTurn(manager: self, utterance: utterance, state: state, knowledge: knowledge)
        return turn.run()
    }
}
