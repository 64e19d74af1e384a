/// A line of text and the intent it means: one training or test example.
///
/// `LabeledText(text: "我的快递怎么还没到", label: "order_status")`.
public struct LabeledText: Hashable, Sendable {
    public var text: String
    public var label: String

    public init(text: String, label: String) {
        self.text = text
        self.label = label
    }
}
