import ArgumentParser
import ChatEngine

/// `kefu train`: trains a bot's model and caches it in the bot's `.kefu/` folder, so `kefu chat`,
/// `kefu serve` and `kefu parse` start without training. Up to date already: says so and trains
/// nothing (`--force` retrains).
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the bot and cache its model in .kefu/.",
        discussion: """
            Trains the intent model and the knowledge-base re-ranker of the bot folder and caches \
            them in DIR/.kefu/, keyed by a hash of the folder's intents/, knowledge-base/ (tables \
            aside) and bot.yml, and of the engine version. Commands that load the bot use the cached \
            model while those files are unchanged. Shows progress on a terminal; prints what was \
            trained, how long it took and the model hash.

            Example:
              kefu train --bot .
              trained 28 intents (1,440 examples) and 106 knowledge-base entries in 3.2 s; model 1a2b3c4d5e6f cached in ./.kefu/model-….kefumodel
            """
    )

    @Option(name: .customLong("bot"), help: ArgumentHelp("The bot folder.", valueName: "dir"))
    var bot = "."

    @Flag(name: .customLong("force"), help: "Train even when the cached model is up to date.")
    var force = false

    func run() throws {
        let engine = try BotTraining.engine(ofBotAt: bot, options: EngineLoadOptions(cache: force ? .retrain : .use))
        guard let report = engine.loadReport else { return }
        // Not cached: the last warning says why, and becomes the error.
        var warnings = report.warnings
        let failure = report.cacheFile == nil ? warnings.popLast() ?? "the model could not be cached" : nil
        for warning in warnings { printError("kefu train: warning: \(warning)") }
        print(Self.summary(report))
        if let failure { throw CLIError(failure) }
    }

    /// The line `kefu train` prints for a load.
    static func summary(_ report: EngineLoadReport) -> String {
        let place = report.cacheFile ?? "nowhere"
        switch report.source {
        case .cache:
            return "model \(report.shortHash) up to date (cached in \(place); \(report.contents); loaded in "
                + "\(EngineLoadReport.seconds(report.timings.total)))"
        case .trained:
            let model = report.cacheFile == nil ? "model \(report.shortHash) not cached" : "model \(report.shortHash) cached in \(place)"
            return "trained \(report.contents) in \(EngineLoadReport.seconds(report.timings.total)); \(model)"
        }
    }
}
