import ChatCore
import Privacy
import Testing
@testable import Transcripts

/// A recorded transcript holds replies as written to disk, masked; replaying compares them with
/// the bot's reply as said and as masked, so a reply quoting the shop's e-mail still passes.
@Suite struct MaskedReplyTests {
    static let said = Reply(text: "请发邮件到 service@honey-mall.example 或致电 13812345678。", slots: ["phone": "13812345678"],
                            policy: .knowledgeAnswer, reason: "test")
    static let recorded = TurnChecks(slots: ["phone": "138****5678"], reply: "请发邮件到 s***@honey-mall.example 或致电 138****5678。")

    @Test func aMaskedRecordingPassesWhenMaskingIsOn() {
        #expect(Transcript.failures(of: Self.recorded, for: Self.said, mask: PrivacyMask(isEnabled: true)).isEmpty)
    }

    @Test func aMaskedRecordingFailsWhenTheBotDoesNotMask() {
        let failures = Transcript.failures(of: Self.recorded, for: Self.said, mask: PrivacyMask(isEnabled: false))
        #expect(failures.map(\.check).sorted() == ["reply", "slots.phone"])
    }

    @Test func aHandWrittenUnmaskedCheckStillPasses() {
        let written = TurnChecks(slots: ["phone": "13812345678"], reply: Self.said.text)
        #expect(Transcript.failures(of: written, for: Self.said, mask: PrivacyMask(isEnabled: true)).isEmpty)
    }

    @Test func aWrongReplyFailsEitherWay() {
        let wrong = TurnChecks(reply: "请发邮件到 x***@honey-mall.example 或致电 138****5678。")
        #expect(Transcript.failures(of: wrong, for: Self.said, mask: PrivacyMask(isEnabled: true)).map(\.check) == ["reply"])
    }
}
