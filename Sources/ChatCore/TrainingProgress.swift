/// How far training has got, for a progress bar.
public struct TrainingProgress: Hashable, Sendable {
    /// What is being trained (intents: `"features"`, `"classifiers"`, `"calibration"`; the re-ranker: `"encoder"`, `"calibration"`).
    public var stage: String
    public var completed: Int
    public var total: Int

    public init(stage: String, completed: Int, total: Int) {
        self.stage = stage
        self.completed = completed
        self.total = total
    }
}
