import ChatCore

/// JSON for storing a conversation. Every key but `turns` may be missing (a state written by an
/// older version, or by hand), and nil values are left out: `{"turns":1,"activeIntent":
/// "return_request","slots":{},"fallbacks":0,"handoff":false,"pending":"slot:order_id","frustration":0}`.
extension DialogueState: Codable {
    enum CodingKeys: String, CodingKey {
        case turns, activeIntent, slots, fallbacks, handoff, pending, lastAnswer, lastLine, frustration, remembered, lastIntent,
             handoffReason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            turns: try container.decodeIfPresent(Int.self, forKey: .turns) ?? 0,
            activeIntent: try container.decodeIfPresent(String.self, forKey: .activeIntent),
            slots: try container.decodeIfPresent([String: String].self, forKey: .slots) ?? [:],
            fallbacks: try container.decodeIfPresent(Int.self, forKey: .fallbacks) ?? 0,
            handoff: try container.decodeIfPresent(Bool.self, forKey: .handoff) ?? false,
            pending: try container.decodeIfPresent(PendingQuestion.self, forKey: .pending),
            lastAnswer: try container.decodeIfPresent(String.self, forKey: .lastAnswer),
            lastLine: try container.decodeIfPresent(String.self, forKey: .lastLine),
            frustration: try container.decodeIfPresent(Int.self, forKey: .frustration) ?? 0,
            remembered: try container.decodeIfPresent([String: String].self, forKey: .remembered) ?? [:],
            lastIntent: try container.decodeIfPresent(String.self, forKey: .lastIntent),
            handoffReason: try container.decodeIfPresent(HandoffReason.self, forKey: .handoffReason))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(turns, forKey: .turns)
        try container.encodeIfPresent(activeIntent, forKey: .activeIntent)
        try container.encode(slots, forKey: .slots)
        try container.encode(fallbacks, forKey: .fallbacks)
        try container.encode(handoff, forKey: .handoff)
        try container.encodeIfPresent(pending, forKey: .pending)
        try container.encodeIfPresent(lastAnswer, forKey: .lastAnswer)
        try container.encodeIfPresent(lastLine, forKey: .lastLine)
        try container.encode(frustration, forKey: .frustration)
        if !remembered.isEmpty { try container.encode(remembered, forKey: .remembered) }
        try container.encodeIfPresent(lastIntent, forKey: .lastIntent)
        try container.encodeIfPresent(handoffReason, forKey: .handoffReason)
    }
}
