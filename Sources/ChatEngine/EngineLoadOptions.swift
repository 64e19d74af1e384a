/// How `ChatEngine.load` treats the model cache in the bot's `.kefu/` folder.
///
/// ```swift
/// let engine = try ChatEngine.load(botFolder: ".", options: EngineLoadOptions(cache: .retrain))
/// ```
public struct EngineLoadOptions: Sendable, Hashable {
    /// What to do with cached models.
    public enum CachePolicy: String, Sendable, Hashable {
        /// Load the cached model when its key matches; else train and cache (the default).
        case use
        /// Train even when a cached model matches, and cache the new one (`kefu train --force`).
        case retrain
        /// Train in memory; neither read nor write the cache.
        case off
    }

    public var cache: CachePolicy
    /// The folder cached models live in; nil: `.kefu/` inside the bot folder.
    public var cacheFolder: String?

    public init(cache: CachePolicy = .use, cacheFolder: String? = nil) {
        self.cache = cache
        self.cacheFolder = cacheFolder
    }
}
