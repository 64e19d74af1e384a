import ChatCore
import Foundation

extension TurnChecks {
    /// Every check `reply` does not pass, in the order the keys are documented (intent, answer,
    /// slots one by one, handoff, reply, reply_contains, reply_matches); empty when it passes.
    /// Text values are shown quoted and escaped (``YAMLScalar/doubleQuoted(_:)``), so a stray
    /// space or line break is visible.
    public func failures(for reply: Reply) -> [CheckFailure] {
        var failures: [CheckFailure] = []
        func fail(_ check: String, _ expected: String, _ actual: String) {
            failures.append(CheckFailure(check: check, expected: expected, actual: actual))
        }
        let quote = YAMLScalar.doubleQuoted
        if let intent, intent != reply.intent?.name {
            fail("intent", intent ?? "none", reply.intent.map { "\($0.name) (\($0.confidence.twoDecimals))" } ?? "none")
        }
        if let answer, answer != reply.answer?.id {
            fail("answer", answer ?? "none", reply.answer.map { "\($0.id) (\($0.confidence.twoDecimals))" } ?? "none")
        }
        for (name, value) in (slots ?? [:]).sorted(by: { $0.key < $1.key }) where reply.slots[name] != value {
            fail("slots.\(name)", quote(value), reply.slots[name].map(quote) ?? "not set")
        }
        if let handoff, handoff != reply.handoff {
            fail("handoff", String(handoff), String(reply.handoff))
        }
        if let expected = self.reply, expected != reply.text {
            fail("reply", quote(expected), quote(reply.text))
        }
        if let replyContains, !reply.text.contains(replyContains) {
            fail("reply_contains", quote(replyContains), quote(reply.text))
        }
        if let replyMatches {
            switch ReplyPattern.matches(replyMatches, in: reply.text) {
            case true?: break
            case false?: fail("reply_matches", "/\(replyMatches)/", quote(reply.text))
            case nil: fail("reply_matches", "/\(replyMatches)/ (not a valid regular expression)", quote(reply.text))
            }
        }
        return failures
    }
}

extension Double {
    /// Two decimals, as confidences are shown: `0.9372` → `0.94`.
    var twoDecimals: String { String(format: "%.2f", self) }
}
