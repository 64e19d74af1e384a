import ChatCore

/// What `kefu eval faq` measured: the measures of BM25 alone and of the full ranker, how long the
/// queries took, and the facts of the run (files, sizes, parameters, seconds).
public struct FAQEvaluationReport: Sendable {
    /// The measures and query times of one ranking method.
    public struct MethodResult: Sendable {
        /// `bm25`, or the re-ranker's name.
        public var method: String
        public var metrics: RankingMetrics
        /// Wall time per query.
        public var times: QueryTimes
        /// The thread's CPU time per query: what the query cost without the waits of a machine
        /// shared with other work (preemption shows in wall time, mostly in its 99th percentile).
        public var cpuTimes: QueryTimes?

        public init(method: String, metrics: RankingMetrics, times: QueryTimes, cpuTimes: QueryTimes? = nil) {
            self.method = method
            self.metrics = metrics
            self.times = times
            self.cpuTimes = cpuTimes
        }
    }

    public var bm25: MethodResult
    public var ranker: MethodResult
    public var faqFile: String
    public var queriesFile: String
    public var distractorsFile: String?
    public var trainPairFiles: [String]
    public var entryCount: Int
    public var questionCount: Int
    public var distractorCount: Int
    public var trainPairCount: Int
    /// Building the BM25 index.
    public var indexSeconds: Double
    /// Everything done before the first query: the index and any ranker training.
    public var trainSeconds: Double
    public var parameters: BM25Parameters

    public init(bm25: MethodResult, ranker: MethodResult, faqFile: String, queriesFile: String,
                distractorsFile: String?, trainPairFiles: [String], entryCount: Int, questionCount: Int,
                distractorCount: Int, trainPairCount: Int, indexSeconds: Double, trainSeconds: Double,
                parameters: BM25Parameters) {
        self.bm25 = bm25
        self.ranker = ranker
        self.faqFile = faqFile
        self.queriesFile = queriesFile
        self.distractorsFile = distractorsFile
        self.trainPairFiles = trainPairFiles
        self.entryCount = entryCount
        self.questionCount = questionCount
        self.distractorCount = distractorCount
        self.trainPairCount = trainPairCount
        self.indexSeconds = indexSeconds
        self.trainSeconds = trainSeconds
        self.parameters = parameters
    }

    /// Whether the ranker is BM25 itself (no re-ranker yet), so its figures repeat BM25's.
    public var rankerIsBM25: Bool { ranker.method == bm25.method }

    /// The `--json` object (DESIGN §5: `bm25` and `ranker` with `p_at_1`, `mrr_at_10`, `r_at_5`,
    /// and `train_seconds`), keys in a fixed order.
    public var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init("bm25", Self.json(bm25)),
            .init("ranker", Self.json(ranker)),
            .init("train_seconds", .number(trainSeconds)),
            .init("index_seconds", .number(indexSeconds)),
            .init("queries", .number(Double(bm25.metrics.queryCount))),
            .init("entries", .number(Double(entryCount))),
            .init("questions", .number(Double(questionCount))),
            .init("distractors", .number(Double(distractorCount))),
            .init("train_pairs", .number(Double(trainPairCount))),
            .init("bm25_parameters", .object([
                "k1": Self.number(parameters.k1), "b": Self.number(parameters.b),
                "word_weight": Self.number(parameters.wordWeight),
                "character_weight": Self.number(parameters.characterWeight),
            ])),
        ]
        if rankerIsBM25 { members.append(.init("note", .string(Self.bm25OnlyNote))) }
        return .object(members)
    }

    static let bm25OnlyNote = "the ranker is BM25 alone (nothing to train the neural re-ranker on: no FAQ id with several questions, no pair labelled 1): its figures repeat BM25's"

    /// A `Float` setting as the JSON number it reads as (`1.2`, not `1.2000000476837158`).
    private static func number(_ value: Float) -> JSONValue { .number(Double("\(value)") ?? Double(value)) }

    private static func json(_ result: MethodResult) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("method", .string(result.method)),
            .init("p_at_1", .number(result.metrics.precisionAt1)),
            .init("mrr_at_10", .number(result.metrics.meanReciprocalRankAt10)),
            .init("r_at_5", .number(result.metrics.recallAt5)),
            .init("ms_per_query", .number(result.times.meanMilliseconds)),
            .init("p50_ms", .number(result.times.medianMilliseconds)),
            .init("p99_ms", .number(result.times.p99Milliseconds)),
        ]
        if let cpu = result.cpuTimes {
            members.append(.init("cpu_p50_ms", .number(cpu.medianMilliseconds)))
            members.append(.init("cpu_p99_ms", .number(cpu.p99Milliseconds)))
        }
        return .object(members)
    }
}
