/// A session's customer turns as a transcript file (DESIGN §2), ready for `kefu replay`:
/// `name`, then `turns`, each with `user` and the checks `intent` (when one was understood),
/// `answer` (when a knowledge-base answer was given), `slots` (when a form has some),
/// `handoff` (when a human takes over) and `reply` (exact).
///
/// ```yaml
/// name: returns
/// turns:
///   - user: 我想退货
///     intent: return_request
///     reply: "请提供您的订单号（14位数字）。"
/// ```
public struct SessionTranscript: Hashable, Sendable {
    public var turns: [RecordedTurn]

    public init(turns: [RecordedTurn] = []) {
        self.turns = turns
    }

    /// The transcript as YAML, every value quoted where YAML would read it as anything but
    /// the same string.
    public func yaml(name: String) -> String {
        var text = "name: \(YAMLScalar.string(name))\nturns:"
        if turns.isEmpty { return text + " []\n" }
        text += "\n"
        for turn in turns {
            text += "  - user: \(YAMLScalar.string(turn.user))\n"
            if let intent = turn.intent { text += "    intent: \(YAMLScalar.string(intent))\n" }
            if let answer = turn.answer { text += "    answer: \(YAMLScalar.string(answer))\n" }
            if !turn.slots.isEmpty {
                text += "    slots: { " + turn.slots.sorted { $0.key < $1.key }
                    .map { "\(YAMLScalar.string($0.key)): \(YAMLScalar.string($0.value))" }.joined(separator: ", ") + " }\n"
            }
            if turn.handoff { text += "    handoff: true\n" }
            text += "    reply: \(YAMLScalar.string(turn.reply))\n"
        }
        return text
    }
}
