/// How to train an intent model.
public struct IntentTrainingOptions: Hashable, Sendable {
    /// Seeds every random choice: the same examples and seed give a bit-identical model.
    public var seed: UInt64
    /// The label of examples that mean none of the intents (CLINC150's `oos`); such examples teach
    /// the out-of-scope threshold and are never predicted as an intent.
    public var outOfScopeLabel: String?
    /// How many held-out folds calibrate the combination and tune the out-of-scope threshold;
    /// nil: 3, or 2 from 5,000 examples up (each fold model still sees 2,500 lines or more, and
    /// training costs a third less: CLINC150's 15,100 lines train in 6 s of CPU instead of 9).
    public var folds: Int?
    /// The share of held-out in-scope lines, classified right, that the out-of-scope threshold may
    /// reject at most; nil: 1.25 % when there are out-of-scope examples (out-of-scope lines are
    /// expected; under that ceiling the threshold maximises held-out in-scope accuracy plus
    /// out-of-scope recall), 0.3 % when there are none (only noise should be turned away).
    public var inScopeRejectionRate: Double?

    public init(seed: UInt64 = 1, outOfScopeLabel: String? = nil, folds: Int? = nil, inScopeRejectionRate: Double? = nil) {
        self.seed = seed
        self.outOfScopeLabel = outOfScopeLabel
        self.folds = folds
        self.inScopeRejectionRate = inScopeRejectionRate
    }

    /// The folds used for `count` examples: `folds` (at least 2), or the automatic choice.
    func foldCount(examples count: Int) -> Int { max(folds ?? (count >= 5_000 ? 2 : 3), 2) }
}
