import Analytics
import ArgumentParser
import Segmentation

/// `kefu mine [PATH…] [--bot DIR] [--clusters K] [--min-size N]`: clusters the lines the bot could
/// not answer into candidate intents and knowledge-base entries, printed in the bot's YAML.
struct Mine: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cluster the lines the bot could not answer into candidate intents.",
        discussion: """
            PATH: transcript files or folders (default transcripts/; replayed through the bot in \
            --bot), session stores (kefu serve --stdio --store FILE), or text files (every line \
            counts as a line that fell back). The lines that fell back (the fallback policy, or the \
            hand-off after repeated misses) are embedded (TF-IDF over the bot's words and character \
            bigrams), clustered (spherical k-means, k by silhouette unless --clusters), and printed \
            largest first as knowledge-base entries (clusters of questions) or intents, with \
            TODOs to fill in. Lines that fit no cluster are listed as comments. Seeded: the same \
            lines always give the same clusters.
            """
    )

    @Argument(help: ArgumentHelp("Transcript files or folders, session stores, or text files.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("bot"), help: ArgumentHelp("The bot folder (its words; transcripts replay against it).", valueName: "dir"))
    var bot = "."

    @Option(name: .customLong("clusters"), help: ArgumentHelp("The number of clusters to fit (default: chosen by silhouette).", valueName: "k"))
    var clusters: Int?

    @Option(name: .customLong("min-size"), help: ArgumentHelp("The fewest distinct lines a cluster must have.", valueName: "n"))
    var minSize = 3

    func validate() throws {
        if let clusters, clusters < 1 { throw ValidationError("--clusters must be at least 1") }
        if minSize < 1 { throw ValidationError("--min-size must be at least 1") }
    }

    func run() throws {
        let collector = try Stats.collect(paths, bot: bot, acceptsPlainText: true, command: "mine")
        let segmenter: Segmenter
        if let engine = collector.replayer.loadedEngine(for: bot) {
            segmenter = engine.understanding.segmenter
        } else {
            do { segmenter = try BotSegmenter.load(botFolder: bot) } catch { throw CLIError(error.description) }
        }
        let clusterer = LineClusterer(segmenter: segmenter, clusters: clusters, minSize: minSize)
        let result = clusterer.cluster(MinedLine.distinct(collector.fallbackLines))
        print(CandidateYAML(result: result, source: paths.isEmpty ? "transcripts/" : paths.joined(separator: ", ")).text, terminator: "")
    }
}
