import BotDefinition
import ChatCore
import Entities
import IntentMatching
import Segmentation

/// What a bot understands of a line: the segmenter with the bot's dictionary, the intent model
/// trained on its examples, and its entity extractor. An immutable value, safe to share between
/// conversations.
///
/// 「明天能送到吗？订单20241105123456」 → intent `delivery_time`, entities `date` = 2026-11-24 and
/// `order_id` = 20241105123456.
public struct LanguageUnderstanding: Sendable {
    public let segmenter: Segmenter
    public let intentModel: IntentModel
    public let entityExtractor: EntityExtractor

    public init(segmenter: Segmenter, intentModel: IntentModel, entityExtractor: EntityExtractor) {
        self.segmenter = segmenter
        self.intentModel = intentModel
        self.entityExtractor = entityExtractor
    }

    /// The intent name whose examples mean "none of the intents" (chit-chat, gibberish): a bot
    /// that defines it teaches the model what to refuse, and such lines get no intent.
    public static let outOfScopeIntent = "out_of_scope"

    /// Trains the understanding of `bot`: its dictionary goes into the segmenter, its intents'
    /// examples train the intent model (those of `out_of_scope` as lines to refuse), its declared
    /// entities join the built-ins.
    public static func train(
        _ bot: Bot, options: IntentTrainingOptions = IntentTrainingOptions(),
        progress: (TrainingProgress) -> Void = { _ in }
    ) throws(UnderstandingError) -> LanguageUnderstanding {
        try train(bot, segmenter: segmenter(for: bot), options: options, progress: progress)
    }

    /// `train(_:options:progress:)` with the bot's segmenter already built.
    static func train(
        _ bot: Bot, segmenter: Segmenter, options: IntentTrainingOptions = IntentTrainingOptions(),
        progress: (TrainingProgress) -> Void = { _ in }
    ) throws(UnderstandingError) -> LanguageUnderstanding {
        var options = options
        if options.outOfScopeLabel == nil, bot.intent(named: outOfScopeIntent) != nil {
            options.outOfScopeLabel = outOfScopeIntent
        }
        let extractor = try entityExtractor(for: bot, segmenter: segmenter)
        let model: IntentModel
        do {
            // Examples are read as lines are classified: through the bot's privacy mask (see `understand(_:classifying:at:)`).
            let mask = bot.privacyMask
            let examples = bot.trainingExamples.map { LabeledText(text: mask.mask($0.text), label: $0.label) }
            model = try IntentModel.train(on: examples, segmenter: segmenter, options: options, progress: progress)
        } catch {
            throw UnderstandingError("cannot train the intent model: \(error)")
        }
        return LanguageUnderstanding(segmenter: segmenter, intentModel: model, entityExtractor: extractor)
    }

    /// The shipped segmenter with the bot's `knowledge-base/dictionary.txt` laid over it.
    public static func segmenter(for bot: Bot) throws(UnderstandingError) -> Segmenter {
        do {
            return try Segmenter.shipped(userWords: bot.dictionary)
        } catch {
            throw UnderstandingError("knowledge-base/dictionary.txt: \(error)")
        }
    }

    /// The built-in extractors with the bot's regex, lookup and table entities (a table entity
    /// becomes a lookup list of its rows' names, cut by `segmenter`).
    public static func entityExtractor(for bot: Bot, segmenter: Segmenter) throws(UnderstandingError) -> EntityExtractor {
        let tables = bot.tableEntities.compactMap { entity in
            bot.tables[entity.table].map { entity.lookupEntity(in: $0, segmenter: segmenter) }
        }
        do {
            return try EntityExtractor(patterns: bot.patternEntities, lookups: bot.lookupEntities + tables)
        } catch {
            throw UnderstandingError("\(error)")
        }
    }

    /// The tokens, intent and entities of `text`; relative dates and times are resolved against
    /// `reference`. The line is segmented once, for the intent model and the entities alike.
    public func understand(_ text: String, at reference: ReferenceTime) -> Utterance {
        let tokens = segmenter.tokenize(text)
        return Utterance(
            text: text, tokens: tokens, prediction: intentModel.predict(tokens: tokens),
            entities: entityExtractor.extract(from: text, tokens: tokens, at: reference)
        )
    }

    /// `understand(text, at:)` with the intent read from `classified`, the line as it is written to
    /// disk (masked: 「我的手机是138****5678」): a masked recording of the line is then classified
    /// exactly as the live line was. Tokens and entities are the line's own (the real number
    /// fills the slot). Segments twice only when masking changed the line.
    public func understand(_ text: String, classifying classified: String, at reference: ReferenceTime) -> Utterance {
        guard classified != text else { return understand(text, at: reference) }
        let tokens = segmenter.tokenize(text)
        return Utterance(
            text: text, tokens: tokens, prediction: intentModel.predict(tokens: segmenter.tokenize(classified)),
            entities: entityExtractor.extract(from: text, tokens: tokens, at: reference)
        )
    }
}

extension Bot {
    /// Every intent example as a labelled line, in the bot's order.
    public var trainingExamples: [LabeledText] {
        intents.flatMap { intent in intent.examples.map { LabeledText(text: $0.text, label: intent.name) } }
    }
}

/// Why a bot's understanding could not be built.
public struct UnderstandingError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
