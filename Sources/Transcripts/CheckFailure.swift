/// One check of a turn that the reply did not pass: which check, what the transcript expected
/// and what the reply had, both as shown in a diff.
///
/// `reply_contains`: expected `"退货申请已提交"`, actual `"请提供您的订单号（14位数字）。"`.
public struct CheckFailure: Hashable, Sendable {
    /// The check's key as written in the transcript (`reply`, `intent`, `slots.order_id` …).
    public var check: String
    public var expected: String
    public var actual: String
    /// Where two long texts part (`first difference at character 7: "8 元包邮…" vs "9 元包邮…"`), nil
    /// when the values are short enough to compare by eye.
    public var detail: String?

    public init(check: String, expected: String, actual: String, detail: String? = nil) {
        self.check = check
        self.expected = expected
        self.actual = actual
        self.detail = detail
    }
}
