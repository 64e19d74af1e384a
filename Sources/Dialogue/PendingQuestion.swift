/// The question the bot's last reply asked, which the next line may answer.
///
/// 「请提供您的订单号（14位数字）。」 is `.slot("order_id")`; 「……确认取消吗？」 is `.confirmation`;
/// 「需要我为您转接人工客服吗？」 is `.humanOffer`. Stored as one string: `slot:order_id`,
/// `confirmation`, `human_offer`.
public enum PendingQuestion: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A slot of the active form was asked for.
    case slot(String)
    /// The active form's confirm question was asked.
    case confirmation
    /// An upset customer was offered a human agent.
    case humanOffer

    public var description: String {
        switch self {
        case let .slot(name): "slot:\(name)"
        case .confirmation: "confirmation"
        case .humanOffer: "human_offer"
        }
    }

    /// Reads `slot:order_id`, `confirmation` or `human_offer`.
    public init?(_ text: String) {
        switch text {
        case "confirmation": self = .confirmation
        case "human_offer": self = .humanOffer
        default:
            guard text.hasPrefix("slot:"), text.count > 5 else { return nil }
            self = .slot(String(text.dropFirst(5)))
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let question = PendingQuestion(text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "pending question '\(text)' should be slot:NAME, confirmation or human_offer"))
        }
        self = question
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
