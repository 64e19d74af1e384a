/// One check of a turn that the reply did not pass: which check, what the transcript expected
/// and what the reply had, both as shown in a diff.
///
/// `reply_contains`: expected `"退货申请已提交"`, actual `"请提供您的订单号（14位数字）。"`.
public struct CheckFailure: Hashable, Sendable {
    /// The check's key as written in the transcript (`reply`, `intent`, `slots.order_id` …).
    public var check: String
    public var expected: String
    public var actual: String

    public init(check: String, expected: String, actual: String) {
        self.check = check
        self.expected = expected
        self.actual = actual
    }
}
