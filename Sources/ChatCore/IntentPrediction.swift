/// What an intent classifier says of one line: the best intent (or none: out of scope) and the
/// ranking it was chosen from.
///
/// For 「我的快递怎么还没到」 the intent is `order_status` with confidence 0.93; for 「啊啊啊啊」 it is
/// `nil`, and the ranking still shows what came closest.
public struct IntentPrediction: Hashable, Sendable {
    /// The intent, or `nil` when the line is out of scope.
    public var intent: IntentScore?
    /// Every intent the classifier knows, best first, with calibrated confidences.
    public var ranking: [IntentScore]
    /// Why the line was judged out of scope, when it was (`"confidence 0.31 < 0.45"`).
    public var outOfScopeReason: String?
    /// Whether the line is nearer the bot's out-of-scope examples than any intent's
    /// (「天气预报说明天下雨」): out of scope by example, not merely unsure.
    public var resemblesOutOfScope: Bool

    public init(intent: IntentScore?, ranking: [IntentScore], outOfScopeReason: String? = nil, resemblesOutOfScope: Bool = false) {
        self.intent = intent
        self.ranking = ranking
        self.outOfScopeReason = outOfScopeReason
        self.resemblesOutOfScope = resemblesOutOfScope
    }
}

/// An intent's name and the confidence (0…1) a classifier gives it.
public struct IntentScore: Hashable, Sendable {
    public var name: String
    public var confidence: Double

    public init(name: String, confidence: Double) {
        self.name = name
        self.confidence = confidence
    }
}
