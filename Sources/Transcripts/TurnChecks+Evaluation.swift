import ChatCore
import Foundation

extension TurnChecks {
    /// Every check `reply` does not pass, in the order the keys are documented (intent, source,
    /// answer, slots one by one, handoff, reply, reply_contains, reply_matches); empty when it passes.
    /// Text values are shown quoted and escaped (``YAMLScalar/doubleQuoted(_:)``), so a stray
    /// space or line break is visible.
    public func failures(for reply: Reply) -> [CheckFailure] {
        var failures: [CheckFailure] = []
        func fail(_ check: String, _ expected: String, _ actual: String, _ detail: String? = nil) {
            failures.append(CheckFailure(check: check, expected: expected, actual: actual, detail: detail))
        }
        let quote = YAMLScalar.doubleQuoted
        if let intent, intent != reply.intent {
            fail("intent", intent ?? "none", (reply.intent ?? "none") + Self.understood(reply))
        }
        if let source, !Self.sourceMatches(source, reply.source) {
            fail("source", source, reply.source.description)
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
            fail("reply", quote(expected), quote(reply.text), Self.firstDifference(expected, reply.text))
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

    /// ` (read as order_status 0.87)`: the classifier's reading, shown beside the reply's intent.
    static func understood(_ reply: Reply) -> String {
        guard let understood = reply.understood else { return " (read as no intent)" }
        return " (read as \(understood.name) \(understood.confidence.twoDecimals))"
    }

    /// Whether `expected`'s words are the first words of the source's description
    /// (`table` and `table orders` pass for `table orders 20261120093015 order_status`).
    static func sourceMatches(_ expected: String, _ source: ReplySource) -> Bool {
        let want = expected.split(whereSeparator: \.isWhitespace)
        let have = source.description.split(whereSeparator: \.isWhitespace)
        return !want.isEmpty && want.count <= have.count && zip(want, have).allSatisfy { $0 == $1 }
    }

    /// Where two texts part, when either is too long to compare by eye (over 20 characters):
    /// `first difference at character 7: "8 元包邮；不满 99 元收取…" vs "9 元包邮；不满 99 元收取…"`.
    static func firstDifference(_ expected: String, _ actual: String) -> String? {
        let a = Array(expected), b = Array(actual)
        guard max(a.count, b.count) > 20 else { return nil }
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        func excerpt(_ text: [Character]) -> String {
            let rest = text[common...]
            return rest.isEmpty ? "(end)" : YAMLScalar.doubleQuoted(String(rest.prefix(16))) + (rest.count > 16 ? "…" : "")
        }
        return "first difference at character \(common + 1): \(excerpt(a)) vs \(excerpt(b))"
    }
}

extension Double {
    /// Two decimals, as confidences are shown: `0.9372` → `0.94`.
    var twoDecimals: String { DecimalText.fixed(self, digits: 2) }
}
