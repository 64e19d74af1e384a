/// How far re-ranker training has got: `stage` is `encoder` (steps) or `calibration` (queries).
public struct RerankerTrainingProgress: Hashable, Sendable {
    public var stage: String
    public var completed: Int
    public var total: Int

    public init(stage: String, completed: Int, total: Int) {
        self.stage = stage
        self.completed = completed
        self.total = total
    }
}
