import Privacy

extension Transcript {
    /// The transcript as DESIGN §2 YAML, ready for `kefu replay`: `name`, `now` and `bot` when
    /// set, then each turn's `user` and checks (`intent`, `answer`, `slots`, `handoff`, `reply`,
    /// `reply_contains`, `reply_matches`, those that are set), and the human agent's part
    /// (`human`, `agent`, `released`). Every value is quoted where YAML
    /// would read it as anything but the same string, and the name, every user line, reply text
    /// and slot value pass through `mask` first (`13812345678` → `138****5678`).
    ///
    /// ```yaml
    /// name: returns
    /// now: "2026-11-23T10:00:00+08:00"
    /// turns:
    ///   - user: 我想退货
    ///     intent: return_request
    ///     reply: "请提供您的订单号（14位数字）。"
    /// ```
    public func yaml(mask: PrivacyMask) -> String {
        var text = "name: \(YAMLScalar.string(mask.mask(name)))\n"
        if let now { text += "now: \(YAMLScalar.string(now))\n" }
        if let bot { text += "bot: \(YAMLScalar.string(bot))\n" }
        if turns.isEmpty { return text + "turns: []\n" }
        text += "turns:\n"
        for turn in turns {
            text += "  - user: \(YAMLScalar.string(mask.mask(turn.user)))\n"
            let checks = turn.checks
            if let intent = checks.intent { text += "    intent: \(intent.map(YAMLScalar.string) ?? "null")\n" }
            if let source = checks.source { text += "    source: \(YAMLScalar.string(mask.mask(source)))\n" }
            if let answer = checks.answer { text += "    answer: \(answer.map(YAMLScalar.string) ?? "null")\n" }
            if let slots = checks.slots {
                let pairs = slots.sorted { $0.key < $1.key }.map { "\(YAMLScalar.string($0.key)): \(YAMLScalar.string(mask.mask($0.value)))" }
                text += "    slots: {" + (pairs.isEmpty ? "" : " " + pairs.joined(separator: ", ") + " ") + "}\n"
            }
            if let handoff = checks.handoff { text += "    handoff: \(handoff)\n" }
            if let reply = checks.reply { text += "    reply: \(YAMLScalar.string(mask.mask(reply)))\n" }
            if let contains = checks.replyContains { text += "    reply_contains: \(YAMLScalar.string(mask.mask(contains)))\n" }
            if let pattern = checks.replyMatches { text += "    reply_matches: \(YAMLScalar.string(pattern))\n" }
            if turn.human { text += "    human: true\n" }
            if !turn.agentMessages.isEmpty {
                text += "    agent:\n"
                for message in turn.agentMessages {
                    text += "      - { name: \(YAMLScalar.string(message.name)), text: \(YAMLScalar.string(mask.mask(message.text))) }\n"
                }
            }
            if turn.released { text += "    released: true\n" }
        }
        return text
    }
}
