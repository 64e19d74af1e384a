import ChatEngine
import Entities
import Testing
import Transcripts

/// Replaying in process: a fresh session through `respond`, every check of every turn, and the
/// diff a failing transcript prints.
@Suite struct ReplayTests {
    static let passing = """
        name: 查订单
        now: 2026-11-23T10:00:00+08:00
        turns:
          - user: 我的订单到哪了
            intent: order_status
            reply: 请提供您的订单号（14位数字）。
          - user: 20241105123456
            slots: { order_id: "20241105123456" }
            reply: 订单 20241105123456 当前状态：已发货，预计 11月8日 送达。
          - user: 运费怎么算
            answer: shipping-fee
            reply_contains: 包邮
            reply_matches: '^订单满 \\d+ 元包邮'
            handoff: false
        """

    @Test func aGoodTranscriptPasses() throws {
        let transcript = try Transcript.load(yaml: Self.passing, file: "transcripts/order.yml")
        let result = transcript.replay(with: Shop.engine, clock: Shop.reference)
        #expect(result.passed, "\(result.diff)")
        #expect(result.turns.count == 3)
        #expect(!result.nowIsClock)
        #expect(result.diff.isEmpty)
    }

    /// Turn 2 expects the wrong slot value and wrong text, turn 3 the wrong answer: both turns
    /// are reported (the replay does not stop at the first failure), turn 1 is not.
    static let failing = """
        name: 查订单-必须失败
        now: 2026-11-23T10:00:00+08:00
        turns:
          - user: 我的订单到哪了
            intent: order_status
          - user: 20241105123456
            slots: { order_id: "20241105123457" }
            reply_contains: 已签收
          - user: 运费怎么算
            answer: invoice
        """

    @Test func aFailingTranscriptPrintsAPerTurnDiff() throws {
        let transcript = try Transcript.load(yaml: Self.failing, file: "transcripts/order-fail.yml")
        let result = transcript.replay(with: Shop.engine, clock: Shop.reference)
        #expect(!result.passed)
        #expect(result.failedTurns.map(\.number) == [2, 3])
        #expect(result.diff == """
            FAIL 查订单-必须失败 (transcripts/order-fail.yml): 2 of 3 turns failed, now 2026-11-23T10:00:00+08:00
              turn 2 (transcripts/order-fail.yml:6): user "20241105123456"
                slots.order_id  expected "20241105123457"
                                actual   "20241105123456"
                reply_contains  expected "已签收"
                                actual   "订单 20241105123456 当前状态：已发货，预计 11月8日 送达。"
                seen: source table orders 20241105123456 order_status · read as no intent · answer none · policy intent_reply
              turn 3 (transcripts/order-fail.yml:9): user "运费怎么算"
                answer  expected invoice
                        actual   shipping-fee (1.00)
                seen: source knowledge_base shipping-fee · read as no intent · answer shipping-fee 1.00 · policy knowledge_answer

            """)
    }

    @Test func withoutNowTheClockIsUsedAndSaid() throws {
        let transcript = Transcript(name: "x", turns: [TranscriptTurn(user: "你好", checks: TurnChecks(intent: "thanks"), line: 3)])
        let clock = try ReferenceTime(iso8601: "2027-01-02T03:04:05+08:00")
        let result = transcript.replay(with: Shop.engine, clock: clock)
        #expect(result.nowIsClock)
        #expect(result.now == clock)
        #expect(result.diff.hasPrefix("FAIL x: 1 of 1 turns failed, now 2027-01-02T03:04:05+08:00 (the clock: the transcript has no now:)\n  turn 1 (line 3): user \"你好\"\n"))
    }

    @Test func transcriptsReplayConcurrentlyInOrder() throws {
        let good = try Transcript.load(yaml: Self.passing, file: "a.yml")
        let bad = try Transcript.load(yaml: Self.failing, file: "b.yml")
        let runs = (0..<12).map { (transcript: $0 % 3 == 1 ? bad : good, engine: Shop.engine) }
        let results = Transcript.replay(runs, clock: Shop.reference)
        #expect(results.map(\.transcript.file) == runs.map(\.transcript.file))
        #expect(results.map(\.passed) == runs.map { $0.transcript.file == "a.yml" })
    }
}
