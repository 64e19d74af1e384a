/// One line a customer said, understood: its tokens, the intent it means (or none) and the values
/// found in it.
///
/// 「帮我查一下订单20241105123456」 → tokens 帮 我 查 一下 订单 20241105123456, intent
/// `order_status`, entity `order_id` = "20241105123456".
public struct Utterance: Hashable, Sendable {
    /// The line as typed.
    public var text: String
    public var tokens: [Token]
    public var prediction: IntentPrediction
    /// Non-overlapping, in line order.
    public var entities: [Entity]

    public init(text: String, tokens: [Token], prediction: IntentPrediction, entities: [Entity]) {
        self.text = text
        self.tokens = tokens
        self.prediction = prediction
        self.entities = entities
    }
}
