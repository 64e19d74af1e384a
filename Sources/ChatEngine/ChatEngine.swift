import BotDefinition
import ChatCore
import Foundation
import Dialogue
import Entities
import Retrieval
import Segmentation

/// A bot, ready to talk: its understanding (segmenter, intent model, entities), its knowledge
/// base with the re-ranker, and its dialogue policies. An immutable `Sendable` value; every
/// conversation's state is passed in and returned, so any number of sessions share one engine,
/// from any number of threads.
///
/// ```swift
/// let engine = try ChatEngine.load(botFolder: ".")      // trains once, then loads .kefu/
/// var state = DialogueState.start
/// let (reply, next) = engine.respond(to: "我想退货", in: state, at: engine.referenceTime(Date()))
/// ```
public struct ChatEngine: Sendable {
    /// Changes whenever a change to the engine would change a trained model or a reply; part of
    /// the model cache's key, so a new engine never reads an old engine's model.
    public static let version = "6"

    public let bot: Bot
    public let understanding: LanguageUnderstanding
    /// The knowledge base's ranking; nil when the bot has no knowledge base.
    public let knowledge: KnowledgeBaseSearch?
    public let dialogue: DialogueManager
    /// How the engine was loaded: trained or cached, the model hash, timings, warnings.
    public let loadReport: EngineLoadReport?

    public init(bot: Bot, understanding: LanguageUnderstanding, knowledge: KnowledgeBaseSearch?,
                loadReport: EngineLoadReport? = nil) {
        self.bot = bot
        self.understanding = understanding
        self.knowledge = knowledge
        self.dialogue = DialogueManager(bot: bot, vocabulary: Self.vocabulary(of: bot, segmenter: understanding.segmenter))
        self.loadReport = loadReport
    }

    /// The zone the bot reads relative dates in: `bot.yml`'s `time_zone`, else the machine's.
    public var timeZone: TimeZone { bot.settings.timeZone ?? .current }

    /// The reference time for a line said at `date`, in the bot's time zone.
    public func referenceTime(_ date: Date = Date()) -> ReferenceTime {
        ReferenceTime(date, in: timeZone)
    }

    /// A reference time written in ISO 8601 (`2026-11-23T10:00:00+08:00`); one without an offset
    /// is read in the bot's time zone.
    public func referenceTime(iso8601 text: String) throws(ReferenceTimeError) -> ReferenceTime {
        try ReferenceTime(iso8601: text, defaultTimeZone: timeZone)
    }

    /// Every word the bot's examples, knowledge-base questions and table-entity names contain,
    /// as tokens normalize them, and each intent's own: what the dialogue tells an unknown word
    /// (a product the shop does not sell) and a special intent's own words by.
    static func vocabulary(of bot: Bot, segmenter: Segmenter) -> BotVocabulary {
        var workspace = SegmentationWorkspace()
        func words(of lines: [String]) -> Set<String> {
            var words: Set<String> = []
            for line in lines {
                for token in segmenter.tokenize(line, in: &workspace) { words.insert(token.normalized) }
            }
            return words
        }
        var byIntent: [String: Set<String>] = [:]
        for intent in bot.intents { byIntent[intent.name, default: []].formUnion(words(of: intent.examples.map(\.text))) }
        let knowledge = words(of: bot.knowledgeBase.flatMap(\.questions))
        var other: [String] = []
        for entity in bot.tableEntities {
            guard let table = bot.tables[entity.table] else { continue }
            other += entity.names(in: table).flatMap(\.names)
        }
        let all = byIntent.values.reduce(words(of: other).union(knowledge)) { $0.union($1) }
        return BotVocabulary(words: all, wordsByIntent: byIntent, knowledgeWords: knowledge)
    }

    /// The reply to `text` in a conversation at `state`, and the state after it; relative dates
    /// are read against `reference`. A pure function of the engine, the state, the text and the
    /// time: no shared mutable state, so calls from many threads at once are safe and a replayed
    /// conversation gets the same replies.
    /// - Complexity: one segmentation, one intent prediction, entity extraction, and a
    ///   knowledge-base search when the dialogue asks for one; tens of microseconds.
    public func respond(to text: String, in state: DialogueState, at reference: ReferenceTime) -> (Reply, DialogueState) {
        let utterance = understanding.understand(text, classifying: privacyMask.mask(text), at: reference)
        return dialogue.respond(to: utterance, in: state, knowledge: knowledge ?? KnowledgeBaseSearch.empty)
    }

    /// Everything `:why` shows about `text` in `state`: tokens, intents with their scores and the
    /// features that drove the best ones, entities, knowledge-base candidates, and the reply.
    public func explain(_ text: String, in state: DialogueState, at reference: ReferenceTime,
                        intents: Int = 3, features: Int = 5, candidates: Int = 5) -> TurnExplanation {
        let classified = privacyMask.mask(text)
        let utterance = understanding.understand(text, classifying: classified, at: reference)
        let classifiedTokens = classified == text ? utterance.tokens : understanding.segmenter.tokenize(classified)
        let evidence = utterance.prediction.ranking.prefix(intents).map { score in
            IntentEvidence(intent: score, features: understanding.intentModel.explain(tokens: classifiedTokens, intent: score.name, top: features)
                .map { FeatureWeight(feature: $0.feature, weight: $0.weight) })
        }
        let found = knowledge?.answers(for: text, limit: candidates) ?? []
        let (reply, next) = dialogue.respond(to: utterance, in: state, knowledge: knowledge ?? KnowledgeBaseSearch.empty)
        return TurnExplanation(utterance: utterance, intentEvidence: evidence, knowledgeCandidates: found, reply: reply,
                               stateAfter: next)
    }
}
