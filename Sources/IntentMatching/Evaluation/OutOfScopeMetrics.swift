/// How well a model keeps in-scope lines and rejects out-of-scope ones (CLINC150's measures).
///
/// With the out-of-scope label `oos`: 「帮我订一张去上海的机票」 (gold `book_flight`) counts for
/// in-scope accuracy only when predicted `book_flight`, and a rejection counts wrong;
/// 「今天月亮圆不圆」 (gold `oos`) counts for recall when the model predicts no intent.
public struct OutOfScopeMetrics: Hashable, Sendable {
    /// The test file's label for lines that mean none of the intents.
    public var label: String
    /// Lines whose gold label is an intent.
    public var inScopeCount: Int
    /// In-scope lines predicted exactly right.
    public var inScopeCorrect: Int
    /// In-scope lines the model rejected as out of scope.
    public var inScopeRejected: Int
    /// Lines whose gold label is the out-of-scope label.
    public var outOfScopeCount: Int
    /// Out-of-scope lines the model rejected (predicted no intent, or the label itself).
    public var outOfScopeRejected: Int

    public init(label: String, inScopeCount: Int, inScopeCorrect: Int, inScopeRejected: Int,
                outOfScopeCount: Int, outOfScopeRejected: Int) {
        self.label = label
        self.inScopeCount = inScopeCount
        self.inScopeCorrect = inScopeCorrect
        self.inScopeRejected = inScopeRejected
        self.outOfScopeCount = outOfScopeCount
        self.outOfScopeRejected = outOfScopeRejected
    }

    /// In-scope lines predicted right over all in-scope lines; 0 when there are none.
    public var inScopeAccuracy: Double { inScopeCount == 0 ? 0 : Double(inScopeCorrect) / Double(inScopeCount) }
    /// Out-of-scope lines rejected over all out-of-scope lines; 0 when there are none.
    public var recall: Double { outOfScopeCount == 0 ? 0 : Double(outOfScopeRejected) / Double(outOfScopeCount) }
    /// Rejections that were right over all rejections; 0 when nothing was rejected.
    public var precision: Double {
        let rejected = inScopeRejected + outOfScopeRejected
        return rejected == 0 ? 0 : Double(outOfScopeRejected) / Double(rejected)
    }
}
