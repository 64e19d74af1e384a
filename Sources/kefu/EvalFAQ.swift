import ArgumentParser
import ChatCore
import Foundation
import IntentMatching
import Retrieval
import Segmentation

/// `kefu eval faq`: index an FAQ, answer labelled queries, report P@1, MRR@10 and R@5 for BM25
/// alone and for the full ranker.
struct EvalFAQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faq",
        abstract: "Measure knowledge-base retrieval: index an FAQ and rank the entries for labelled queries.",
        discussion: """
            --faq: `faq_id<TAB>question` lines (lines sharing an id are paraphrases of one entry). \
            --queries: `query<TAB>faq_id` lines. --distractors: one question a line, indexed but \
            never a right answer. --train-pairs: `sentence1<TAB>sentence2<TAB>label` lines (1 = same \
            meaning) from other question sets, for training the ranker. A first line whose last \
            column is a column name (faq_id, question, label, …) is a header. UTF-8.

            Prints P@1, MRR@10 and R@5 (each query's right entry among the ranked entries and \
            distractors), for BM25 alone and for the full ranker, with query times (mean and 99th \
            percentile; --json adds the thread's CPU time, which a busy machine does not inflate). \
            The full ranker re-ranks BM25's best 50 with the neural re-ranker (gru-attention), trained \
            first on the FAQ's own paraphrases (ids with several questions) and the --train-pairs; \
            progress shows on a terminal. With nothing to learn from, the ranker is BM25 alone and \
            says so.

            Example:
              kefu eval faq --faq faq.tsv --queries queries.tsv
              kefu eval faq --faq faq.tsv --queries queries.tsv --distractors other.tsv --json
            """
    )

    @Option(name: .customLong("faq"), help: ArgumentHelp("The FAQ: `faq_id<TAB>question` lines.", valueName: "file"))
    var faqPath: String

    @Option(name: .customLong("queries"), help: ArgumentHelp("The test queries: `query<TAB>faq_id` lines.", valueName: "file"))
    var queriesPath: String

    @Option(name: .customLong("distractors"), help: ArgumentHelp("Questions to index that answer nothing, one a line.", valueName: "file"))
    var distractorsPath: String?

    @Option(name: .customLong("train-pairs"), help: ArgumentHelp("Question pairs for the ranker: `sentence1<TAB>sentence2<TAB>label` lines (repeatable).", valueName: "file"))
    var trainPairPaths: [String] = []

    @Flag(help: "Print one JSON object instead of the readable report.")
    var json = false

    /// How many BM25 candidates the ranker sees.
    static let candidateDepth = 50
    /// How many entries the measures look at (MRR@10).
    static let measuredDepth = 10

    func run() throws {
        let entries = try Self.parsed { try FAQFiles.entries(Self.bytes(faqPath), source: faqPath) }
        let ids = Set(entries.map(\.id))
        let queries = try Self.parsed { try FAQFiles.queries(Self.bytes(queriesPath), source: queriesPath, knownIDs: ids) }
        var distractors: [String] = []
        if let path = distractorsPath {
            distractors = try Self.parsed { try FAQFiles.questions(Self.bytes(path), source: path) }
        }
        var pairs: [QuestionPair] = []
        for path in trainPairPaths { pairs += try Self.parsed { try FAQFiles.pairs(Self.bytes(path), source: path) } }
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter.shipped()
        } catch {
            throw CLIError("\(error)")
        }

        let clock = ContinuousClock()
        let indexStart = clock.now
        let index: KnowledgeBaseIndex
        do {
            index = try KnowledgeBaseIndex(entries: entries, distractors: distractors, segmenter: segmenter)
        } catch {
            throw CLIError("\(faqPath): \(error)")
        }
        let indexSeconds = Self.seconds(clock.now - indexStart)
        let ranker = try Self.trainRanker(on: index, pairs: pairs)
        let trainSeconds = Self.seconds(clock.now - indexStart)

        let positions = [String: Int](uniqueKeysWithValues: entries.enumerated().map { ($0.element.id, $0.offset) })
        let gold = queries.map { positions[$0.faqID] ?? -1 }
        let bm25 = Self.measure(method: "bm25", queries: queries, gold: gold, clock: clock) { query, workspace in
            index.topK(query, k: Self.measuredDepth, in: &workspace)
        }
        let ranked = Self.measure(method: ranker.method, queries: queries, gold: gold, clock: clock) { query, workspace in
            if let ranking = ranker as? RerankingIndex { return ranking.rank(query, depth: Self.candidateDepth, in: &workspace) }
            return ranker.rerank(index.topK(query, k: Self.candidateDepth, in: &workspace), for: query, in: index)
        }
        let report = FAQEvaluationReport(
            bm25: bm25, ranker: ranked, faqFile: faqPath, queriesFile: queriesPath, distractorsFile: distractorsPath,
            trainPairFiles: trainPairPaths, entryCount: entries.count, questionCount: index.questionCount - distractors.count,
            distractorCount: distractors.count, trainPairCount: pairs.count, indexSeconds: indexSeconds,
            trainSeconds: trainSeconds, parameters: index.parameters)
        print(json ? report.json.text : report.text, terminator: json ? "\n" : "")
    }

    /// The ranker that re-orders BM25's candidates: the neural re-ranker trained on the index's
    /// paraphrase groups and `pairs` (inside the training clock, with a progress bar on a
    /// terminal), or BM25 alone when there is nothing to learn from.
    static func trainRanker(on index: KnowledgeBaseIndex, pairs: [QuestionPair]) throws -> any CandidateReranker {
        var bar = TrainingProgressBar()
        defer { bar.finish() }
        do {
            let reranker = try RerankerTrainer.train(on: index, pairs: pairs) { bar.show($0) }
            return reranker.bind(to: index)
        } catch .nothingToLearn {
            return BM25Ranking()
        }
    }

    /// Ranks every query with `rank` (timing each call) and measures where the right entry landed.
    static func measure(method: String, queries: [FAQQuery], gold: [Int], clock: ContinuousClock,
                        rank: (String, inout RetrievalWorkspace) -> [Candidate]) -> FAQEvaluationReport.MethodResult {
        var workspace = RetrievalWorkspace()
        var ranks: [Int?] = []
        var seconds: [Double] = [], cpuSeconds: [Double] = []
        ranks.reserveCapacity(queries.count)
        seconds.reserveCapacity(queries.count)
        cpuSeconds.reserveCapacity(queries.count)
        for (query, entry) in zip(queries, gold) {
            let cpuStart = Self.threadCPUSeconds()
            let start = clock.now
            let ranking = rank(query.text, &workspace)
            seconds.append(Self.seconds(clock.now - start))
            cpuSeconds.append(Self.threadCPUSeconds() - cpuStart)
            ranks.append(RankingMetrics.rank(ofEntry: entry, in: ranking.prefix(measuredDepth).map { $0 }))
        }
        return .init(method: method, metrics: RankingMetrics(ranks: ranks), times: QueryTimes(seconds: seconds),
                     cpuTimes: QueryTimes(seconds: cpuSeconds))
    }

    /// The CPU time this thread has used, in seconds (the clock does not run while it waits).
    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The bytes of the file at `path`, or a one-line error that says what to fix.
    static func bytes(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CLIError("\(path): no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("\(path): cannot read the file (check its permissions)")
        }
        return [UInt8](data)
    }

    /// The value `read` returns, with a bad line's `TSVFileError` turned into a `CLIError` (exit 2).
    static func parsed<Value>(_ read: () throws -> Value) throws -> Value {
        do {
            return try read()
        } catch let error as TSVFileError {
            throw CLIError(error.description)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
