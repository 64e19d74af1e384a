import ChatCore
import Entities
import Privacy
import Testing
import Transcripts
import Yams

/// The writer: DESIGN §2 YAML that reads back (through Yams and through our own loader) as
/// exactly the strings written, with personal data masked.
@Suite struct TranscriptWriterTests {
    static let hardStrings = [
        "20241105123456", "yes", "No", "null", "~", "true", "- item", "a: b", "x # comment", "\"quoted\"", "back\\slash",
        "line\nbreak", "tab\there", "请提供订单号：", "「引号」", "  leading space", "trailing ", "emoji 😀", "'single'",
        "{json: 1}", "[1, 2]", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "|", ">", "?", "\u{85}next",
        "\u{2028}sep", "\u{7}bell", "\u{7F}del", "1.5", "0x1F", ".inf", "return_request", "我想退货",
    ]

    // Not in the list: a byte-order mark (U+FEFF). It is written escaped, but libyaml (under
    // Yams) drops it when reading, so it cannot round-trip through that parser.
    @Test(arguments: hardStrings)
    func everyStringReadsBackUnchanged(text: String) throws {
        let checks = TurnChecks(intent: .some(text), answer: .some(text), slots: [text: text, "k": text], reply: text,
                                replyContains: text, handoff: true)
        let transcript = Transcript(name: text, now: "2026-11-23T10:00:00+08:00", bot: text,
                                    turns: [TranscriptTurn(user: text, checks: checks)])
        let yaml = transcript.yaml(mask: PrivacyMask(isEnabled: false))
        let document = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        #expect(document["name"] as? String == text)
        let turn = try #require((document["turns"] as? [[String: Any]])?.first)
        for key in ["user", "intent", "answer", "reply", "reply_contains"] {
            #expect(turn[key] as? String == text, "\(key) of \(text.debugDescription)")
        }
        #expect(turn["slots"] as? [String: String] == [text: text, "k": text])
        #expect(turn["handoff"] as? Bool == true)

        if text.contains(where: { !$0.isWhitespace }) {   // our loader refuses an empty user line
            let read = try Transcript.load(yaml: yaml, file: "x.yml")
            #expect(read.name == text && read.bot == text && read.now == transcript.now)
            #expect(read.turns.map(\.user) == [text])
            #expect(read.turns.first?.checks == checks)
        }
    }

    @Test func plainScalarsWhereSafeAndKeysInOrder() {
        let turn = TranscriptTurn(user: "我想退货", checks: TurnChecks(intent: .some(nil), answer: "return-policy", slots: [:], reply: "好的。",
                                                                    replyContains: "好的", replyMatches: "^好", handoff: false))
        let yaml = Transcript(name: "returns", turns: [turn]).yaml(mask: PrivacyMask())
        #expect(yaml == """
            name: returns
            turns:
              - user: 我想退货
                intent: null
                answer: return-policy
                slots: {}
                handoff: false
                reply: "好的。"
                reply_contains: 好的
                reply_matches: "^好"

            """)
        #expect(Transcript(name: "empty", turns: []).yaml(mask: PrivacyMask()) == "name: empty\nturns: []\n")
    }

    @Test func theRecorderKeepsWhatWasSeenAndTheTimeOfTheFirstTurn() throws {
        var recorder = TranscriptRecorder()
        let later = try ReferenceTime(iso8601: "2026-11-24T09:00:00+08:00")
        recorder.record("我想退货", Reply(text: "请提供您的订单号（14位数字）。", understood: IntentScore(name: "return_request", confidence: 0.9),
                                         policy: .slotPrompt, reason: ""), at: Self.reference)
        recorder.record("转人工", Reply(text: "正在为您转接人工客服。", answer: AnswerChoice(id: "human", confidence: 0.8),
                                       slots: ["order_id": "20241105123456"], handoff: true, policy: .handoff, reason: ""), at: later)
        let transcript = recorder.transcript(name: "returns")
        #expect(transcript.now == "2026-11-23T10:00:00+08:00")
        #expect(transcript.turns.map(\.checks) == [
            TurnChecks(intent: "return_request", source: "intent return_request", reply: "请提供您的订单号（14位数字）。"),
            TurnChecks(source: "handoff asked", answer: "human", slots: ["order_id": "20241105123456"], reply: "正在为您转接人工客服。",
                       handoff: true),
        ])
        // No intent and no answer are left out, not written as null.
        let bare = TranscriptTurn(user: "嗯", reply: Reply(text: "抱歉，我没听懂。", policy: .fallback, reason: ""))
        #expect(bare.checks == TurnChecks(source: "fallback", reply: "抱歉，我没听懂。"))
    }

    @Test func personalDataIsMaskedInEverythingWritten() {
        let phone = "13812345678"
        let turn = TranscriptTurn(user: "我的手机号 \(phone)", checks: TurnChecks(slots: ["phone": phone], reply: "已登记 \(phone)。",
                                                                              replyContains: phone))
        let masked = Transcript(name: "客户 \(phone)", turns: [turn]).yaml(mask: PrivacyMask())
        #expect(!masked.contains(phone))
        #expect(masked.contains("138****5678"))
        let plain = Transcript(name: "x", turns: [turn]).yaml(mask: PrivacyMask(isEnabled: false))
        #expect(plain.contains(phone))
    }

    static let reference = try! ReferenceTime(iso8601: "2026-11-23T10:00:00+08:00")
}
