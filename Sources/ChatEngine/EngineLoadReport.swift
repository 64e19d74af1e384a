/// How a `ChatEngine` was made ready: where its model came from, the model's hash, where it is
/// cached, anything that went wrong with the cache, what the bot holds and how long each step
/// took. `kefu train` prints it; the REPL's banner shows its `banner` line.
///
/// A second start of the demo bot: source `.cache`, model `3f9a1c…`, cache file
/// `./.kefu/model-….kefumodel`, no warnings, about 0.1 s in all.
public struct EngineLoadReport: Sendable, Hashable {
    /// Where the model came from.
    public enum Source: String, Sendable, Hashable {
        /// Trained during this load.
        case trained
        /// Read from the model cache.
        case cache
    }

    public var source: Source
    /// The trained model's SHA-256 (64 hex digits): the same bot folder trains the same hash.
    public var modelHash: String
    /// The bot folder's content key the cache is keyed by (SHA-256, 64 hex digits).
    public var folderKey: String
    /// The cache file the model was read from or written to; nil when it is not cached (the
    /// folder is read-only, or caching was off).
    public var cacheFile: String?
    /// Problems with the cache, each one line: a damaged cache file that was retrained over, a
    /// folder the model could not be written to, a knowledge base too small to train on.
    public var warnings: [String]
    public var timings: EngineLoadTimings
    /// Intents (`out_of_scope` included, as `kefu check` counts them), training examples, knowledge-base entries.
    public var intentCount: Int
    public var exampleCount: Int
    public var entryCount: Int

    public init(source: Source, modelHash: String, folderKey: String, cacheFile: String?, warnings: [String],
                timings: EngineLoadTimings, intentCount: Int, exampleCount: Int, entryCount: Int) {
        self.source = source
        self.modelHash = modelHash
        self.folderKey = folderKey
        self.cacheFile = cacheFile
        self.warnings = warnings
        self.timings = timings
        self.intentCount = intentCount
        self.exampleCount = exampleCount
        self.entryCount = entryCount
    }

    /// The first 12 hex digits of the model hash, as messages show it.
    public var shortHash: String { String(modelHash.prefix(12)) }

    /// 「28 intents (1,440 examples) and 106 knowledge-base entries」.
    public var contents: String {
        "\(Self.count(intentCount, "intent")) (\(Self.count(exampleCount, "example"))) and "
            + Self.count(entryCount, "knowledge-base entry", plural: "knowledge-base entries")
    }

    /// One line for a banner: 「model 3f9a1c2b4d5e from the cache (0.12 s)」 or
    /// 「model 3f9a1c2b4d5e trained in 3.2 s, cached」.
    public var banner: String {
        switch source {
        case .cache:
            return "model \(shortHash) from the cache (\(Self.seconds(timings.total)))"
        case .trained:
            return "model \(shortHash) trained in \(Self.seconds(timings.total))" + (cacheFile == nil ? ", not cached" : ", cached")
        }
    }

    /// `1,440 examples`, `1 intent`.
    static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        let digits = String(value)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return "\(grouped) \(value == 1 ? noun : (plural ?? noun + "s"))"
    }

    /// `3.2 s`, `0.12 s`, `45 ms`.
    public static func seconds(_ value: Double) -> String {
        if value < 0.1 { return "\(Int((value * 1000).rounded())) ms" }
        let places = value < 1 ? 100.0 : 10.0
        let rounded = (value * places).rounded() / places
        return "\(rounded) s"
    }
}

/// How long each step of a load took, in seconds.
public struct EngineLoadTimings: Sendable, Hashable {
    /// Reading and checking the bot folder (YAML, tables, dictionary).
    public var bot: Double
    /// Training the models, or reading them from the cache.
    public var model: Double
    /// Indexing the knowledge base and encoding its questions for the re-ranker.
    public var knowledge: Double
    /// Writing the cache file (0 when nothing was written).
    public var cacheWrite: Double
    /// From the start of the load to the engine ready.
    public var total: Double

    public init(bot: Double = 0, model: Double = 0, knowledge: Double = 0, cacheWrite: Double = 0, total: Double = 0) {
        self.bot = bot
        self.model = model
        self.knowledge = knowledge
        self.cacheWrite = cacheWrite
        self.total = total
    }
}
