import BotDefinition
import ChatCore
import Dialogue
import Entities
import Retrieval

/// A bot, ready to talk: its understanding (segmenter, intent model, entities), its knowledge
/// base with the re-ranker, and its dialogue policies. An immutable `Sendable` value; every
/// conversation's state is passed in and returned, so any number of sessions share one engine.
///
/// ```swift
/// let engine = try ChatEngine.load(botFolder: ".")
/// var state = DialogueState.start
/// let (reply, next) = engine.respond(to: "我想退货", in: state, at: ReferenceTime(Date()))
/// ```
///
/// SKELETON: trains on every load; the model cache comes with the engine work.
public struct ChatEngine: Sendable {
    /// Changes whenever a change to the engine would change a trained model or a reply; part of
    /// the model cache's key.
    public static let version = "1"

    public let bot: Bot
    public let understanding: LanguageUnderstanding
    /// The knowledge base's ranking; nil when the bot has no knowledge base.
    public let knowledge: KnowledgeBaseSearch?
    public let dialogue: DialogueManager

    public init(bot: Bot, understanding: LanguageUnderstanding, knowledge: KnowledgeBaseSearch?) {
        self.bot = bot
        self.understanding = understanding
        self.knowledge = knowledge
        self.dialogue = DialogueManager(bot: bot)
    }

    /// Loads the bot folder at `path` and trains its models.
    public static func load(botFolder path: String,
                            progress: (TrainingProgress) -> Void = { _ in }) throws(ChatEngineError) -> ChatEngine {
        let bot: Bot
        do { bot = try Bot.load(from: path) } catch { throw .bot(error) }
        let understanding: LanguageUnderstanding
        do { understanding = try LanguageUnderstanding.train(bot, progress: progress) } catch {
            throw .training(error.description)
        }
        var knowledge: KnowledgeBaseSearch? = nil
        if !bot.knowledgeBase.isEmpty {
            let entries = bot.knowledgeBase.map { KnowledgeBaseEntry(id: $0.id, questions: $0.questions, answer: $0.answer, tags: $0.tags) }
            do {
                let index = try KnowledgeBaseIndex(entries: entries, segmenter: understanding.segmenter)
                let reranker = try RerankerTrainer.train(on: index)
                knowledge = KnowledgeBaseSearch(ranking: reranker.bind(to: index))
            } catch {
                throw .training("knowledge base: \(error)")
            }
        }
        return ChatEngine(bot: bot, understanding: understanding, knowledge: knowledge)
    }

    /// The reply to `text` in a conversation at `state`, and the state after it; relative dates
    /// are read against `reference`. A pure function of the engine, the state, the text and the time.
    public func respond(to text: String, in state: DialogueState, at reference: ReferenceTime) -> (Reply, DialogueState) {
        let utterance = understanding.understand(text, at: reference)
        return dialogue.respond(to: utterance, in: state, knowledge: knowledge ?? KnowledgeBaseSearch.empty)
    }

    /// Everything `:why` shows about `text` in `state`: tokens, intents with their scores and the
    /// features that drove the best ones, entities, knowledge-base candidates, and the reply.
    public func explain(_ text: String, in state: DialogueState, at reference: ReferenceTime) -> TurnExplanation {
        let utterance = understanding.understand(text, at: reference)
        let evidence = utterance.prediction.ranking.prefix(3).map { score in
            IntentEvidence(intent: score, features: understanding.intentModel.explain(text, intent: score.name, top: 5)
                .map { FeatureWeight(feature: $0.feature, weight: $0.weight) })
        }
        let candidates = knowledge?.answers(for: text, limit: 5) ?? []
        let (reply, _) = dialogue.respond(to: utterance, in: state, knowledge: knowledge ?? KnowledgeBaseSearch.empty)
        return TurnExplanation(utterance: utterance, intentEvidence: evidence, knowledgeCandidates: candidates, reply: reply)
    }
}

/// Why a bot could not be made ready.
public enum ChatEngineError: Error, CustomStringConvertible, Sendable {
    case bot(BotLoadError)
    case training(String)

    public var description: String {
        switch self {
        case let .bot(error): return error.description
        case let .training(problem): return "cannot train the bot: \(problem)"
        }
    }
}

/// Everything the engine can say about how it read one line, for `:why`.
public struct TurnExplanation: Sendable {
    /// Tokens, intent ranking and entities.
    public var utterance: Utterance
    /// The best intents with the features that pushed each up the most.
    public var intentEvidence: [IntentEvidence]
    /// The knowledge base's best entries for the line, best first.
    public var knowledgeCandidates: [KnowledgeAnswer]
    /// The reply the line would get in the state it was asked in.
    public var reply: Reply
}

/// An intent's score and the features that drove it (「退货」 0.41, 「想 退货」 0.22).
public struct IntentEvidence: Sendable {
    public var intent: IntentScore
    public var features: [FeatureWeight]
}

/// One feature's contribution to an intent's linear score.
public struct FeatureWeight: Sendable, Hashable {
    public var feature: String
    public var weight: Double
}
