import Dialogue

/// A button the customer may press instead of typing: its label and the line it sends.
///
/// After 「确认取消订单 20261120093015 吗？」 the buttons are 「是的」 and 「不用了」; after the offer
/// of a human, 「转人工」 and 「不用了」.
public struct QuickReply: Sendable, Equatable {
    public var title: String
    /// The customer line pressing it sends.
    public var payload: String

    public init(title: String, payload: String) {
        self.title = title
        self.payload = payload
    }

    /// The buttons that answer the question the bot just asked (none when it asked nothing a
    /// button can answer, such as an order number).
    public static func answering(_ question: PendingQuestion?) -> [QuickReply] {
        switch question {
        case .confirmation?, .reuse?, .offer?:
            [QuickReply(title: "是的", payload: "是的"), QuickReply(title: "不用了", payload: "不用了")]
        case .humanOffer?:
            [QuickReply(title: "转人工", payload: "转人工"), QuickReply(title: "不用了", payload: "不用了")]
        case .slot?, nil:
            []
        }
    }
}
