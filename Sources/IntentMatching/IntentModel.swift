import ChatCore
import Segmentation

/// A line of text and the intent it means: one training or test example.
public struct LabeledText: Hashable, Sendable {
    public var text: String
    public var label: String

    public init(text: String, label: String) {
        self.text = text
        self.label = label
    }
}

/// How to train an intent model.
public struct IntentTrainingOptions: Hashable, Sendable {
    /// Seeds every random choice: the same examples and seed give a bit-identical model.
    public var seed: UInt64
    /// The label of examples that mean none of the intents (CLINC150's `oos`); such examples teach
    /// the out-of-scope threshold and are never predicted as an intent.
    public var outOfScopeLabel: String?

    public init(seed: UInt64 = 1, outOfScopeLabel: String? = nil) {
        self.seed = seed
        self.outOfScopeLabel = outOfScopeLabel
    }
}

/// How far training has got, for a progress bar.
public struct TrainingProgress: Hashable, Sendable {
    /// What is being trained (`"linear"`, `"embeddings"`, `"calibration"`).
    public var stage: String
    public var completed: Int
    public var total: Int

    public init(stage: String, completed: Int, total: Int) {
        self.stage = stage
        self.completed = completed
        self.total = total
    }
}
