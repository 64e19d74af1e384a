import BotDefinition
import Dialogue
import ChatCore
import Entities
import IntentMatching
import Learning
import Retrieval
import Segmentation

extension ChatEngine {
    /// Loads the bot folder at `path`: its model from the cache in `.kefu/` when the folder has
    /// not changed since it was trained, else trains it (reporting `progress`) and caches it.
    public static func load(botFolder path: String,
                            progress: (TrainingProgress) -> Void = { _ in }) throws(ChatEngineError) -> ChatEngine {
        try load(botFolder: path, options: EngineLoadOptions(), progress: progress)
    }

    /// Loads the bot folder at `path` as `options` say. A damaged, truncated or foreign cache
    /// file is retrained over (with a warning in `loadReport`); a folder the model cannot be
    /// written to still gives a working engine, trained in memory (with a warning).
    /// - Throws: `ChatEngineError` when the bot folder is missing or has errors, or its models
    ///   cannot be built.
    public static func load(botFolder path: String, options: EngineLoadOptions,
                            progress: (TrainingProgress) -> Void = { _ in }) throws(ChatEngineError) -> ChatEngine {
        var stopwatch = Stopwatch()
        var timings = EngineLoadTimings()
        let bot: Bot
        do { bot = try Bot.load(from: path) } catch { throw .bot(error) }
        let segmenter: Segmenter
        do { segmenter = try LanguageUnderstanding.segmenter(for: bot) } catch { throw .training(error.description) }
        let fingerprint = try BotFingerprint.of(folder: path, engineVersion: version)
        timings.bot = stopwatch.lap()

        let cache = ModelCache(botFolder: path, folder: options.cacheFolder)
        var warnings: [String] = []
        var cached: CachedModel? = nil
        if options.cache == .use {
            switch cache.read(folderKey: fingerprint.key, engineVersion: version) {
            case .missing: break
            case .unusable(let problem): warnings.append(problem)
            case .found(let file):
                do { cached = try CachedModel(file, segmenter: segmenter) } catch {
                    warnings.append("the cached model \(cache.path(for: fingerprint.key)) is unusable (\(error)); retrained")
                }
            }
        }
        let model: CachedModel
        let source: EngineLoadReport.Source
        if let cached {
            model = cached
            source = .cache
        } else {
            model = try train(bot, segmenter: segmenter, folderKey: fingerprint.key, warnings: &warnings, progress: progress)
            source = .trained
        }
        let extractor: EntityExtractor
        do { extractor = try LanguageUnderstanding.entityExtractor(for: bot, segmenter: segmenter) } catch { throw .training(error.description) }
        let understanding = LanguageUnderstanding(segmenter: segmenter, intentModel: model.intentModel, entityExtractor: extractor)
        timings.model = stopwatch.lap()

        var knowledge: KnowledgeBaseSearch? = nil
        if !bot.knowledgeBase.isEmpty {
            let index = try knowledgeIndex(of: bot, segmenter: segmenter)
            knowledge = KnowledgeBaseSearch(ranking: model.reranker.map { $0.bind(to: index) }, mask: bot.privacyMask)
        }
        timings.knowledge = stopwatch.lap()

        var cacheFile: String? = source == .cache ? cache.path(for: fingerprint.key) : nil
        if source == .trained, options.cache != .off {
            do {
                cacheFile = try cache.write(model.file)
            } catch {
                warnings.append("the model could not be cached (\(error)); it was trained in memory and will be trained again next time")
            }
            timings.cacheWrite = stopwatch.lap()
        }
        timings.total = stopwatch.total
        let report = EngineLoadReport(
            source: source, modelHash: model.file.modelHash, folderKey: fingerprint.key, cacheFile: cacheFile, warnings: warnings,
            timings: timings, intentCount: bot.intents.count,
            exampleCount: bot.intents.reduce(0) { $0 + $1.examples.count }, entryCount: bot.knowledgeBase.count)
        return ChatEngine(bot: bot, understanding: understanding, knowledge: knowledge, loadReport: report)
    }

    /// The re-ranker's training settings for a knowledge base of `questionCount` questions (part
    /// of what `ChatEngine.version` stands for): the defaults, with character n-gram buckets
    /// scaled to the knowledge base — 16 a question, 16,384 to 32,768 — instead of 100,000
    /// always. A shop's few hundred questions use a few thousand n-grams (the demo bot's 2,600
    /// questions and answers about 10,000 character 1–2-grams); with 64 a question up to 100,000
    /// (engine version 5) the demo bot's model grew to 29 MB when its knowledge base doubled to
    /// 199 entries, and start-up memory to 120 MB. At 106 entries, scaling (then 64 a question)
    /// shrank the model from 28 MB to 8 MB and its held-out paraphrases (one Chinese question of
    /// each entry with ≥ 4 held out, 98 queries) ranked no worse: P@1 0.398 → 0.418, MRR@10
    /// 0.533 → 0.570.
    ///
    /// The answer confidence is fitted on a third of the entries' paraphrases held out (one
    /// question each) against the bot's own lines that the knowledge base must not answer
    /// (`unanswerableLines`), the two weighing the same: with the defaults (a tenth held out, no
    /// such lines) it saw about ten right answers and nothing to refuse, and accepted
    /// 「我的订单到哪了」 as a refund question.
    static func rerankerOptions(questionCount: Int) -> RerankerTrainingOptions {
        RerankerTrainingOptions(bucketCount: min(32_768, max(16_384, 16 * questionCount)),
                                heldOutShare: 1.0 / 3, balancesConfidence: true)
    }

    /// The bot's lines that no knowledge-base entry should answer: the examples of its special
    /// intents (small talk, yes/no, hand-off, reset, complaint, out of scope) and of its form
    /// intents (a form answers them), less any line that is also a knowledge-base question.
    static func unanswerableLines(of bot: Bot) -> [String] {
        let questions = Set(bot.knowledgeBase.flatMap(\.questions))
        return bot.intents
            .filter { SpecialIntent(rawValue: $0.name) != nil || !$0.slots.isEmpty }
            .flatMap { $0.examples.map(\.text) }
            .filter { !questions.contains($0) }
    }

    /// Trains the intent model and the re-ranker of `bot`.
    private static func train(_ bot: Bot, segmenter: Segmenter, folderKey: String, warnings: inout [String],
                              progress: (TrainingProgress) -> Void) throws(ChatEngineError) -> CachedModel {
        let understanding: LanguageUnderstanding
        do {
            understanding = try LanguageUnderstanding.train(bot, segmenter: segmenter, progress: progress)
        } catch {
            throw .training(error.description)
        }
        var reranker: Reranker? = nil
        if !bot.knowledgeBase.isEmpty {
            let index = try knowledgeIndex(of: bot, segmenter: segmenter)
            do {
                reranker = try RerankerTrainer.train(on: index, unanswerable: unanswerableLines(of: bot),
                                                     options: rerankerOptions(questionCount: index.questionCount),
                                                     progress: progress)
            } catch {
                switch error {
                case .nothingToLearn:
                    warnings.append("the knowledge base has no entry with two questions, so the re-ranker cannot learn and no answer is given from it; give entries paraphrases")
                }
            }
        }
        return CachedModel(intentModel: understanding.intentModel, reranker: reranker, folderKey: folderKey)
    }

    /// The bot's knowledge base, indexed for BM25.
    private static func knowledgeIndex(of bot: Bot, segmenter: Segmenter) throws(ChatEngineError) -> KnowledgeBaseIndex {
        let entries = bot.knowledgeBase.map { KnowledgeBaseEntry(id: $0.id, questions: $0.questions, answer: $0.answer, tags: $0.tags) }
        do {
            return try KnowledgeBaseIndex(entries: entries, segmenter: segmenter)
        } catch {
            throw .training("knowledge base: \(error)")
        }
    }
}

/// The trained parts of an engine with the bytes they are cached as.
struct CachedModel {
    let intentModel: IntentModel
    let reranker: Reranker?
    let file: ModelCacheFile

    /// A freshly trained model; its hash is a SHA-256 over both parts' checksums and lengths
    /// (each part ends with a checksum of all its bytes), so it costs nothing to compute.
    init(intentModel: IntentModel, reranker: Reranker?, folderKey: String) {
        self.intentModel = intentModel
        self.reranker = reranker
        let intentBytes = intentModel.serialized()
        let rerankerBytes = reranker?.archive.encoded() ?? []
        var summary: [UInt8] = Array("kefu-model \(ChatEngine.version)\0".utf8)
        for part in [intentBytes, rerankerBytes] {
            withUnsafeBytes(of: UInt64(part.count).littleEndian) { summary += $0 }
            summary += part.suffix(8)
        }
        file = ModelCacheFile(folderKey: folderKey, engineVersion: ChatEngine.version, modelHash: SHA256.hexDigest(summary),
                              intentModel: intentBytes, reranker: rerankerBytes)
    }

    /// The model a cache file holds.
    /// - Throws: the intent model's or the re-ranker's format error.
    init(_ file: ModelCacheFile, segmenter: Segmenter) throws {
        intentModel = try IntentModel(serialized: file.intentModel, segmenter: segmenter)
        reranker = file.reranker.isEmpty ? nil : try Reranker(archive: ModelArchive(decoding: file.reranker, expectedKind: Reranker.archiveKind))
        self.file = file
    }
}
