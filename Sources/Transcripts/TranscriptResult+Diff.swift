extension TranscriptResult {
    /// What failed, turn by turn, for `kefu replay`; empty when the transcript passed.
    ///
    /// ```
    /// FAIL 退货-提供订单号 (transcripts/returns.yml): 1 of 2 turns failed, now 2026-11-23T10:00:00+08:00
    ///   turn 2 (transcripts/returns.yml:7): user "20241105123456"
    ///     reply_contains  expected "退货申请已提交"
    ///                     actual   "请提供您的订单号（14位数字）。"
    ///     seen: intent return_request 0.94 · answer none · policy slot_prompt
    /// ```
    public var diff: String { mask.mask(unmaskedDiff) }

    /// The diff as the bot said it, before masking.
    var unmaskedDiff: String {
        let failed = failedTurns
        guard !failed.isEmpty else { return "" }
        let place = transcript.file.map { " (\($0))" } ?? ""
        let time = now.isoText + (nowIsClock ? " (the clock: the transcript has no now:)" : "")
        var text = "FAIL \(transcript.name)\(place): \(failed.count) of \(turns.count) turns failed, now \(time)\n"
        for result in failed {
            let line = result.turn.line.map { " (\(transcript.file.map { "\($0):" } ?? "line ")\($0))" } ?? ""
            text += "  turn \(result.number)\(line): user \(YAMLScalar.doubleQuoted(result.turn.user))\n"
            let width = (result.failures.map(\.check.count).max() ?? 0) + 2
            for failure in result.failures {
                let label = failure.check + String(repeating: " ", count: width - failure.check.count)
                text += "    \(label)expected \(failure.expected)\n"
                text += "    \(String(repeating: " ", count: width))actual   \(failure.actual)\n"
                if let detail = failure.detail { text += "    \(String(repeating: " ", count: width))\(detail)\n" }
            }
            text += "    seen: \(Self.summary(of: result))\n"
        }
        return text
    }

    /// `source intent return_request · read as return_request 0.94 · answer none · policy slot_prompt`.
    static func summary(of result: TurnResult) -> String {
        let reply = result.reply
        let understood = reply.understood.map { "read as \($0.name) \($0.confidence.twoDecimals)" } ?? "read as no intent"
        let answer = reply.answer.map { "answer \($0.id) \($0.confidence.twoDecimals)" } ?? "answer none"
        return "source \(reply.source) · \(understood) · \(answer) · policy \(reply.policy.rawValue)"
    }
}
