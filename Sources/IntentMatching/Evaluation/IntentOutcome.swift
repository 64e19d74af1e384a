/// One scored test line: its text, the label it should get and what the model said.
///
/// 「我的快递怎么还没到」, gold `order_status`, predicted `order_status` with confidence 0.93; or
/// 「啊啊啊啊」, gold `oos`, predicted `nil` (out of scope).
public struct IntentOutcome: Hashable, Sendable {
    public var text: String
    /// The label in the test file.
    public var gold: String
    /// The intent the model chose, or `nil` when it judged the line out of scope.
    public var predicted: String?
    /// The confidence of the chosen intent; for a line judged out of scope, that of the intent that
    /// came closest. `nil` when unknown.
    public var confidence: Double?

    public init(text: String = "", gold: String, predicted: String?, confidence: Double? = nil) {
        self.text = text
        self.gold = gold
        self.predicted = predicted
        self.confidence = confidence
    }

    /// The predicted label as scored: `nil` becomes the out-of-scope label when there is one, else
    /// ``IntentEvaluation/noIntent``.
    public func predictedLabel(outOfScopeLabel: String?) -> String {
        predicted ?? outOfScopeLabel ?? IntentEvaluation.noIntent
    }
}
