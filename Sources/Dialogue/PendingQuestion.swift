/// The question the bot's last reply asked, which the next line may answer.
///
/// 「请提供您的订单号（14位数字）。」 is `.slot("order_id")`; 「……确认取消吗？」 is `.confirmation`;
/// 「需要我为您转接人工客服吗？」 is `.humanOffer`; 「是订单 20261120093015 吗？」 is
/// `.reuse("order_id")`; 「……需要帮您取消这个订单吗？」 (a case's offer) is `.offer("cancel_order")`.
/// Stored as one string: `slot:order_id`, `confirmation`, `human_offer`, `reuse:order_id`,
/// `offer:cancel_order`.
public enum PendingQuestion: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A slot of the active form was asked for.
    case slot(String)
    /// The active form's confirm question was asked.
    case confirmation
    /// An upset customer was offered a human agent.
    case humanOffer
    /// A value the customer gave earlier was offered for this slot of the active form.
    case reuse(String)
    /// A case's reply offered to start this intent with the values given so far.
    case offer(String)

    public var description: String {
        switch self {
        case let .slot(name): "slot:\(name)"
        case .confirmation: "confirmation"
        case .humanOffer: "human_offer"
        case let .reuse(name): "reuse:\(name)"
        case let .offer(intent): "offer:\(intent)"
        }
    }

    /// Reads `slot:order_id`, `confirmation`, `human_offer`, `reuse:order_id` or `offer:cancel_order`.
    public init?(_ text: String) {
        switch text {
        case "confirmation": self = .confirmation
        case "human_offer": self = .humanOffer
        default:
            for (prefix, make) in [("slot:", PendingQuestion.slot), ("reuse:", PendingQuestion.reuse), ("offer:", PendingQuestion.offer)]
            where text.hasPrefix(prefix) && text.count > prefix.count {
                self = make(String(text.dropFirst(prefix.count)))
                return
            }
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let question = PendingQuestion(text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "pending question '\(text)' should be slot:NAME, confirmation, human_offer, reuse:NAME or offer:INTENT"))
        }
        self = question
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
