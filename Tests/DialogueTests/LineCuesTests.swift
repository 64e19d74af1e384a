import BotDefinition
import Dialogue
import Testing

@Suite("Reading a line's wording") struct LineCuesTests {
    @Test(arguments: [
        ("是", LineCues.YesNo.yes), ("好的！", .yes), ("确认取消", .yes), ("OK", .yes), ("嗯嗯", .yes),
        ("不", .no), ("不用了", .no), ("算了吧", .no), ("No.", .no), ("不取消了", .no), ("不对，是别的", .no),
    ])
    func yesAndNo(_ text: String, _ answer: LineCues.YesNo) {
        #expect(LineCues(text).answer == answer)
    }

    @Test(arguments: ["可以退货吗", "是不是要运费", "运费呢", "我的订单到哪了", "我的订单什么时候到", "好不好？"])
    func questionsAreNotAnswers(_ text: String) {
        let cues = LineCues(text)
        #expect(cues.isQuestion)
        #expect(cues.answer == nil || text == "好不好？")
    }

    /// A question ending closes a clause, not only the line; a guess with 吧 asks too.
    @Test(arguments: ["EMS能发么 我们这边只有邮政能到", "可以指定中通嘛，不要韵达", "不会是假货吧", "问一下哈 七天能退"])
    func questionsInsideALine(_ text: String) {
        let cues = LineCues(text)
        #expect(cues.isQuestion)
        #expect(cues.answer == nil)
    }

    @Test(arguments: ["好吧", "算了吧", "取消吧", "就这样吧"])
    func aClosingBaIsNoQuestion(_ text: String) {
        #expect(!LineCues(text).isQuestion)
    }

    /// A question word inside 好几, 几十 … does not ask; the same line with 几 alone does.
    @Test func severalIsNoQuestion() {
        #expect(!LineCues("积木缺了好几块零件").isQuestion)
        #expect(!LineCues("几十块钱的东西 几乎没用过").isQuestion)
        #expect(LineCues("好几天了 几号能到").isQuestion)
    }

    /// Courtesy words at either end are not matched: 「亲 少点呗」 is the question 「少点呗」.
    @Test func matchingLeavesCourtesyWordsOut() {
        #expect(LineCues("亲 少点呗").contentText == "少点呗")
        #expect(LineCues("在吗？请问运费多少").contentText == "运费多少")
        #expect(LineCues("hi, how much is shipping").contentText == "howmuchisshipping")
        #expect(LineCues("能便宜点吗亲").contentText == "能便宜点吗")
        #expect(LineCues("在吗").contentText == "在吗")
        #expect(LineCues("亲亲").contentText == "亲亲")
        #expect(LineCues("你好 订单20261111000123开发票").contentWithoutDigits == "订单开发票")
    }

    @Test(arguments: ["那运费呢？", "那么换货呢", "还有发票呢", "what about fees?", "运费呢"])
    func followUps(_ text: String) {
        #expect(LineCues(text).isFollowUp)
    }

    @Test(arguments: ["我想退货", "运费怎么算", "那个订单到哪了", "你们的退货政策具体是怎么规定的呢能不能详细说说"])
    func notFollowUps(_ text: String) {
        #expect(!LineCues(text).isFollowUp)
    }

    @Test func runsAndKeys() {
        #expect(LineCues("到底到了没有？？？").exclamationRun == 3)
        #expect(LineCues("快点!！").exclamationRun == 2)
        #expect(LineCues("我的 订单！").key == LineCues("我的订单").key)
        #expect(LineCues("我的订单").key != LineCues("你的订单").key)
        #expect(LineCues("！！").key == nil)
    }

    @Test func slotShapes() {
        #expect(SlotValueShape.digitCount(in: #"(?<!\d)\d{14}(?!\d)"#) == 14)
        #expect(SlotValueShape.digitCount(in: "[0-9]{6}") == 6)
        #expect(SlotValueShape.digitCount(in: #"\d{3}-\d{4}"#) == nil)
        #expect(SlotValueShape.digitCount(in: "[A-Z]+") == nil)
        #expect(SlotValueShape.digits(14).invalidCandidate(in: "单号 2024110512345 ") == .init(value: "2024110512345", length: 13))
        #expect(SlotValueShape.digits(14).invalidCandidate(in: "买了 2 件") == nil)
        #expect(SlotValueShape.digits(14).invalidCandidate(in: "２０２４１１０５１２３４５") == .init(value: "2024110512345", length: 13))
        #expect(SlotValueShape.email.invalidCandidate(in: "发到 li@wei 吧")?.value == "li@wei")
    }
}

@Suite("Topics of knowledge-base entries") struct AnswerTopicsTests {
    @Test func thePairInMostQuestions() {
        let entry = KnowledgeEntry(id: "returns-policy", questions: ["支持七天无理由退货吗", "可以退货吗", "退货政策是什么", "return policy"],
                                   answer: "…", location: SourceLocation(file: "kb.yml"))
        let lone = KnowledgeEntry(id: "lone", questions: ["运费怎么算", "包邮吗"], answer: "…", location: SourceLocation(file: "kb.yml"))
        let topics = AnswerTopics([entry, lone])
        #expect(topics.words["returns-policy"] == "退货")
        #expect(topics.words["lone"] == "运费怎么算")
    }
}
