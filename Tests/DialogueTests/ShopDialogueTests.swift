import BotDefinition
import ChatCore
import Dialogue
import Testing

@Suite("Replies by a row's column, offers, remembered values") struct CasesAndMemoryTests {
    @Test(arguments: [
        ("20261121101010", "订单 20261121101010：待发货。"),
        ("20261123090909", "订单 20261123090909 还没有付款。"),
        ("20261120093015", "订单 20261120093015 在路上了，预计 11月30日 到。"),
    ])
    func theStatusPicksTheReply(number: String, expected: String) {
        var chat = ShopBot.conversation()
        let reply = chat.say(order("查一下 \(number)", number, "order_status"))
        #expect(reply.text == expected)
        #expect(reply.source == .table(name: "orders", row: number, intent: "order_status"))
        #expect(reply.intent == "order_status")
        #expect(chat.state.lastIntent == "order_status")
    }

    @Test func anUnpaidOrdersReturnSaysSoAndOffersCancellation() {
        var chat = ShopBot.conversation()
        chat.say(line("我想退货", "return_request"))
        let unpaid = chat.say(order("20261123090909", "20261123090909"))
        #expect(unpaid.text == "订单 20261123090909 还没有付款，不需要退货。需要帮您取消这个订单吗？")
        #expect(unpaid.reason.contains("case '待付款' of status"))
        #expect(chat.state.pending == .offer("cancel_order"))
        #expect(chat.state.activeIntent == nil)
        // The return form's other slot (the reason) was never asked.
        let confirm = chat.say(line("好的", "affirm"))
        #expect(confirm.text == "订单 20261123090909 还没付款，取消后不会扣款，确认取消吗？")
        #expect(confirm.policy == .confirmation)
        #expect(chat.state.slots == ["order_id": "20261123090909"])
        let done = chat.say(line("是", "affirm"))
        #expect(done.text == "已取消订单 20261123090909（未付款，无需退款）。")
        #expect(done.source == .table(name: "orders", row: "20261123090909", intent: "cancel_order"))
    }

    @Test func noToTheOfferDoesNothing() {
        var chat = ShopBot.conversation()
        chat.say(order("我想退货 20261123090909", "20261123090909", "return_request"))
        let reply = chat.say(line("不用了", "deny"))
        #expect(reply.policy == .confirmationDeclined)
        #expect(reply.source == .intent("cancel_order"))
        #expect(chat.state.pending == nil && chat.state.activeIntent == nil)
    }

    @Test func aShippedOrderIsNotCancelledAndNothingIsConfirmed() {
        var chat = ShopBot.conversation()
        let reply = chat.say(order("取消订单 20261120093015", "20261120093015", "cancel_order"))
        #expect(reply.text == "订单 20261120093015 已经发出，不能直接取消，可以拒收或签收后退货。")
        #expect(reply.policy == .intentReply)
        #expect(chat.state.pending == nil)
    }

    @Test func aPaidOrderIsConfirmedBeforeItIsCancelledAndNoChangesNothing() {
        var chat = ShopBot.conversation()
        let confirm = chat.say(order("取消订单 20261121101010", "20261121101010", "cancel_order"))
        #expect(confirm.text == "订单 20261121101010（羽绒服，已付 459.00 元）取消后款项原路退回，确认取消吗？")
        #expect(confirm.policy == .confirmation)
        let no = chat.say(line("不", "deny"))
        #expect(no.text == "好的，订单 20261121101010 不取消，保持原样。")
        #expect(no.policy == .confirmationDeclined)
        #expect(chat.state.activeIntent == nil && chat.state.slots.isEmpty && chat.state.pending == nil)
    }

    @Test func theOrderNumberIsOfferedToTheNextForm() {
        var chat = ShopBot.conversation()
        chat.say(order("20261121101010 到哪了", "20261121101010", "order_status"))
        #expect(chat.state.remembered == ["order_id": "20261121101010"])
        let offer = chat.say(line("我要取消订单", "cancel_order"))
        #expect(offer.text == "是订单 20261121101010 吗？")
        #expect(chat.state.pending == .reuse("order_id"))
        let confirm = chat.say(line("是的", "affirm"))
        #expect(confirm.policy == .confirmation)
        #expect(confirm.text.hasPrefix("订单 20261121101010（羽绒服"))
        #expect(confirm.reason.contains("yes: order_id=20261121101010 as given earlier"))
    }

    @Test func noToTheOfferedValueAsksForIt() {
        var chat = ShopBot.conversation()
        chat.say(order("20261121101010 到哪了", "20261121101010", "order_status"))
        chat.say(line("我要取消订单", "cancel_order"))
        let prompt = chat.say(line("不是", "deny"))
        #expect(prompt.text == "请提供要取消的订单号。")
        #expect(chat.state.pending == .slot("order_id"))
        #expect(chat.state.remembered["order_id"] == nil)
    }

    @Test func anotherNumberInsteadOfTheOfferedOne() {
        var chat = ShopBot.conversation()
        chat.say(order("20261121101010 到哪了", "20261121101010", "order_status"))
        chat.say(line("我要取消订单", "cancel_order"))
        let reply = chat.say(order("20261120093015", "20261120093015"))
        #expect(reply.text.contains("20261120093015 已经发出"))
    }

    @Test func aFollowUpTakesTheOrderWithoutAsking() {
        var chat = ShopBot.conversation()
        chat.say(order("20261120093015 到哪了", "20261120093015", "order_status"))
        let reply = chat.say(line("那能不能催一下", "delivery_time"))
        #expect(reply.text == "订单 20261120093015 预计 11月30日 送达，已帮您催促。")
        #expect(reply.reason.contains("carried order_id=20261120093015 from the conversation"))
        #expect(reply.source == .table(name: "orders", row: "20261120093015", intent: "delivery_time"))
    }

    /// Read as no intent, or (a bare follow-up, its words only 那…呢) as another form taking the value.
    @Test(arguments: [nil, "delivery_time"])
    func aFollowUpWithANewValueRepeatsTheRequest(readAs intent: String?) {
        var chat = ShopBot.conversation()
        chat.say(order("20261120093015 到哪了", "20261120093015", "order_status"))
        let reply = chat.say(order("那 20261121101010 呢", "20261121101010", intent))
        #expect(reply.text == "订单 20261121101010：待发货。")
        #expect(reply.reason.contains("follow-up of order_status with a new value"))
    }

    @Test func aFollowUpWithItsOwnWordsGoesToTheFormItIsReadAs() {
        var chat = ShopBot.conversation()
        chat.say(order("20261120093015 到哪了", "20261120093015", "order_status"))
        let reply = chat.say(order("那 20261121101010 能催一下吗", "20261121101010", "delivery_time"))
        #expect(!reply.reason.contains("follow-up of order_status"))
        #expect(reply.source == .table(name: "orders", row: "20261121101010", intent: "delivery_time"))
    }

    @Test func aNewConversationRemembersNothingAfterAReset() {
        var chat = ShopBot.conversation()
        chat.say(order("20261120093015 到哪了", "20261120093015", "order_status"))
        chat.say(line("重新开始", "reset"))
        #expect(chat.state.remembered.isEmpty && chat.state.lastIntent == nil)
        #expect(chat.say(line("我要取消订单", "cancel_order")).text == "请提供要取消的订单号。")
    }

    @Test func aValueTheTableDoesNotHaveIsNotRemembered() {
        var chat = ShopBot.conversation()
        let missing = chat.say(order("20269999999999 到哪了", "20269999999999", "order_status"))
        #expect(missing.policy == .lookupMissing)
        #expect(missing.source == .table(name: "orders", row: nil, intent: "order_status"))
        #expect(chat.state.remembered["order_id"] == nil)
    }

    @Test func tableKeysIgnoreCaseAndWidth() {
        let table = ShopBot.bot.tables["orders"]
        #expect(table?.record(forKey: "sf1402387765120")?["status"] == "已签收")
        #expect(table?.record(forKey: " ＳＦ１４０２３８７７６５１２０ ")?["status"] == "已签收")
        #expect(table?.record(forKey: "2026112009301") == nil)
    }
}

@Suite("Free-text slots") struct FreeTextSlotTests {
    @Test func theAddressIsTheCustomersWordsCheckedAndConfirmed() {
        var chat = ShopBot.conversation()
        chat.say(line("改地址", "change_address"))
        let ask = chat.say(order("20261121101010", "20261121101010"))
        #expect(ask.text == "请告诉我新的收货地址。")
        let short = chat.say(line("北京", "change_address"))
        #expect(short.text == "地址「北京」太短了，请写到门牌号。")
        #expect(short.policy == .slotInvalid)
        let confirm = chat.say(line("新地址是：北京市朝阳区望京街１０号。", "change_address"))
        #expect(confirm.text == "将订单 20261121101010 的收货地址改为「北京市朝阳区望京街10号」，确认吗？")
        let no = chat.say(line("算了", "deny"))
        #expect(no.policy == .confirmationDeclined)
        #expect(chat.state.slots.isEmpty && chat.state.activeIntent == nil)
    }

    /// With `after: [改成, 换成]` the request carries the address; too short after 改成, it is asked.
    @Test func theRequestMayCarryTheAddress() {
        var chat = ShopBot.conversation()
        let confirm = chat.say(order("20261121101010 这单地址换成 北京市朝阳区望京街10号", "20261121101010", "change_address"))
        #expect(confirm.text == "将订单 20261121101010 的收货地址改为「北京市朝阳区望京街10号」，确认吗？")
        var short = ShopBot.conversation()
        let ask = short.say(order("20261121101010 地址改成学校", "20261121101010", "change_address"))
        #expect(ask.text == "请告诉我新的收货地址。")
        #expect(short.state.slots["address"] == nil)
    }

    /// A yes to the address question (「是的 改吧」) is no address: the question is asked again.
    @Test func aYesIsNoAddress() {
        var chat = ShopBot.conversation()
        chat.say(order("改地址 20261121101010", "20261121101010", "change_address"))
        let again = chat.say(line("是的 改吧", "affirm"))
        #expect(again.text == "请告诉我新的收货地址。")
        #expect(again.policy == .slotPrompt)
        #expect(chat.state.slots["address"] == nil)
    }

    @Test func aQuestionWhileTheAddressIsAskedIsAnswered() {
        var chat = ShopBot.conversation()
        chat.say(order("改地址 20261121101010", "20261121101010", "change_address"))
        let reply = chat.say(line("客服几点下班？"))
        #expect(reply.text == "人工客服每天 9:00-22:00 在线。\n回到刚才的问题：请告诉我新的收货地址。")
        #expect(chat.state.slots["address"] == nil)
    }

    @Test func aSpecialIntentWithoutItsWordsIsTheFreeTextAnswer() {
        let vocabulary = BotVocabulary(words: ["人工", "客服", "个人"], wordsByIntent: ["human_agent": ["人工", "客服"]])
        var chat = ShopBot.conversation(vocabulary: vocabulary)
        chat.say(line("我要开专票", "invoice_request"))
        let title = chat.say(Utterance(text: "个人", tokens: tokens(["个人"]),
                                       prediction: IntentPrediction(intent: IntentScore(name: "human_agent", confidence: 0.95), ranking: []),
                                       entities: []))
        #expect(!title.handoff)
        #expect(chat.state.slots["title"] == "个人")
        let human = chat.say(Utterance(text: "转人工", tokens: tokens(["转", "人工"]),
                                       prediction: IntentPrediction(intent: IntentScore(name: "human_agent", confidence: 0.95), ranking: []),
                                       entities: []))
        #expect(human.handoff)
    }

    @Test func aRequestForAnotherFormIsNoFreeTextAnswer() {
        var chat = ShopBot.conversation()
        chat.say(line("我要开专票", "invoice_request"))
        let reply = chat.say(line("我想查订单", "order_status", 0.8))
        #expect(chat.state.slots["title"] == nil)
        #expect(reply.source == .intent("order_status"))
    }

    @Test func theTaxNumberIsTidiedAndItsShapeChecked() {
        var chat = ShopBot.conversation()
        chat.say(line("我要开专票", "invoice_request"))
        chat.say(line("抬头：杭州小蜜科技有限公司"))
        let bad = chat.say(line("税号是 1234"))
        #expect(bad.text == "税号「1234」不对，应为 15-20 位数字或字母。")
        let done = chat.say(line("税号是 9133 0100 ma2c xyz1 2k"))
        #expect(done.text == "已为「杭州小蜜科技有限公司」（税号 91330100MA2CXYZ12K）登记专用发票。")
        #expect(done.slots == ["title": "杭州小蜜科技有限公司", "tax_number": "91330100MA2CXYZ12K"])
    }

    @Test(arguments: [
        ("地址改成上海市徐汇区漕溪北路88号", "上海市徐汇区漕溪北路88号"),
        ("  浙江省  杭州市 西湖区  ", "浙江省 杭州市 西湖区"),
        ("就是尺码太小了！", "尺码太小了"),
        ("颜色改成米白", "颜色改成米白"),
        ("新地址：北京市朝阳区望京街１０号。", "北京市朝阳区望京街10号"),
    ])
    func wordsAreTidied(line: String, value: String) {
        #expect(FreeTextRule().value(from: line) == value)
    }
}

@Suite("Unknown values, complaints and hand-off reasons") struct ShopPolicyTests {
    @Test func aProductTheShopDoesNotSellIsSaidSo() {
        var chat = ShopBot.conversation(vocabulary: ["多少", "钱", "耳机", "音箱", "这个"])
        let text = "iphone16多少钱"
        let reply = chat.say(Utterance(text: text, tokens: tokens(["iphone16", "多少", "钱"]),
                                       prediction: IntentPrediction(intent: IntentScore(name: "product_question", confidence: 0.9), ranking: []),
                                       entities: []))
        #expect(reply.text == "抱歉，小蜜商城没有卖「iphone16」。您想了解哪件商品？")
        #expect(reply.policy == .lookupMissing)
        #expect(chat.state.pending == .slot("sku"))
        let known = chat.say(line("耳机", entities: [(name: "product", text: "耳机")]))
        #expect(known.text == "商品 耳机。")
    }

    /// 「冰箱呢」 after an unsold product is another name to look for, though its word is known;
    /// 「运费呢」, a word of the knowledge base's questions, is a question.
    @Test(arguments: [("冰箱呢", ["冰箱", "呢"], "抱歉，小蜜商城没有卖「冰箱」。您想了解哪件商品？"), ("那运费呢", ["那", "运费", "呢"], nil)])
    func aFollowUpAfterAnUnsoldProductNamesAnother(text: String, words: [String], unsold: String?) {
        let vocabulary = BotVocabulary(words: ["多少", "钱", "冰箱", "运费", "呢", "那"], knowledgeWords: ["运费"])
        var chat = ShopBot.conversation(vocabulary: vocabulary)
        chat.say(Utterance(text: "iphone16多少钱", tokens: tokens(["iphone16", "多少", "钱"]),
                           prediction: IntentPrediction(intent: IntentScore(name: "product_question", confidence: 0.9), ranking: []),
                           entities: []))
        let reply = chat.say(Utterance(text: text, tokens: tokens(words), prediction: IntentPrediction(intent: nil, ranking: []), entities: []))
        if let unsold {
            #expect(reply.text == unsold)
            #expect(chat.state.pending == .slot("sku"))
        } else {
            #expect(reply.policy != .lookupMissing)
        }
    }

    /// 「能保」 (能 glued onto 保) is no product's name, nor is an ID card number after a word.
    @Test func gluedFunctionWordsAndLongNumbersAreNoProductNames() {
        var chat = ShopBot.conversation(vocabulary: ["多少", "钱", "耳机", "多久", "身份证", "实名"])
        chat.say(line("耳机多少钱", "product_question", entities: [(name: "product", text: "耳机")]))
        let glued = chat.say(Utterance(text: "能保多久", tokens: tokens(["能保", "多久"]),
                                       prediction: IntentPrediction(intent: IntentScore(name: "product_question", confidence: 0.9), ranking: []),
                                       entities: []))
        #expect(!glued.text.contains("没有卖"))
        var fresh = ShopBot.conversation(vocabulary: ["多少", "钱", "耳机"])
        let model = fresh.say(Utterance(text: "iphone16多少钱", tokens: tokens(["iphone", "16", "多少", "钱"]),
                                        prediction: IntentPrediction(intent: IntentScore(name: "product_question", confidence: 0.9), ranking: []),
                                        entities: []))
        #expect(model.text == "抱歉，小蜜商城没有卖「iphone16」。您想了解哪件商品？")
        var other = ShopBot.conversation(vocabulary: ["多少", "钱", "耳机"])
        let card = other.say(Utterance(text: "平板110101199003071233多少钱", tokens: tokens(["平板", "110101199003071233", "多少", "钱"]),
                                       prediction: IntentPrediction(intent: IntentScore(name: "product_question", confidence: 0.9), ranking: []),
                                       entities: []))
        #expect(card.text == "抱歉，小蜜商城没有卖「平板」。您想了解哪件商品？")
    }

    @Test func anUnsoldProductAfterAKnownOneIsNotTheKnownOne() {
        var chat = ShopBot.conversation(vocabulary: ["多少", "钱", "耳机"])
        chat.say(line("耳机多少钱", "product_question", entities: [(name: "product", text: "耳机")]))
        #expect(chat.state.remembered["product"] == "耳机")
        let reply = chat.say(Utterance(text: "iphone16多少钱", tokens: tokens(["iphone16", "多少", "钱"]),
                                       prediction: IntentPrediction(intent: IntentScore(name: "product_question", confidence: 0.9), ranking: []),
                                       entities: []))
        #expect(reply.text == "抱歉，小蜜商城没有卖「iphone16」。您想了解哪件商品？")
        #expect(chat.state.slots["sku"] == nil)
    }

    @Test func anOrderNumberAloneIsLookedUp() {
        var chat = ShopBot.conversation()
        let reply = chat.say(order("20261121101010。", "20261121101010"))
        #expect(reply.source == .table(name: "orders", row: "20261121101010", intent: "order_status"))
        #expect(reply.text == "订单 20261121101010：待发货。")
    }

    @Test func anOrderNumberAloneAfterAnAnswerGoesToTheFormTheQuestionWasReadAs() {
        var chat = ShopBot.conversation()
        let answer = chat.say(line("催一下几点能到？", "delivery_time", 0.6))
        #expect(answer.source == .knowledgeBase(entry: "service-hours"))
        let reply = chat.say(order("20261121101010", "20261121101010"))
        #expect(reply.source == .table(name: "orders", row: "20261121101010", intent: "delivery_time"))
    }

    @Test func aLineOfKnownWordsIsAskedWhichProduct() {
        var chat = ShopBot.conversation(vocabulary: ["多少", "钱", "这个"])
        let reply = chat.say(Utterance(text: "这个多少钱", tokens: tokens(["这个", "多少", "钱"]),
                                       prediction: IntentPrediction(intent: IntentScore(name: "product_question", confidence: 0.9), ranking: []),
                                       entities: []))
        #expect(reply.text == "您想了解哪件商品？")
    }

    @Test func aNeutralQuestionReadAsAComplaintIsAnswered() {
        var chat = ShopBot.conversation()
        let reply = chat.say(line("你们客服几点下班", "complaint", 0.95))
        #expect(reply.policy == .knowledgeAnswer)
        #expect(reply.source == .knowledgeBase(entry: "service-hours"))
        #expect(!reply.handoff && chat.state.frustration == 0)
    }

    /// 「你们家有iPad不」 read as complaint (by 你们) names a product: it is read as the next intent, a form taking it.
    @Test(arguments: [("你们家有iphone16不", true), ("你们家怎么回事啊", false)])
    func aQuestionReadAsAComplaintNamingAValueIsTheNextIntent(text: String, reRead: Bool) {
        var chat = ShopBot.conversation(vocabulary: ["你们", "家", "有", "不", "怎么", "回事", "啊"])
        let ranking = [IntentScore(name: "complaint", confidence: 0.8), IntentScore(name: "product_question", confidence: 0.1)]
        let words = reRead ? ["你们", "家", "有", "iphone16", "不"] : ["你们", "家", "怎么", "回事", "啊"]
        let reply = chat.say(Utterance(text: text, tokens: tokens(words),
                                       prediction: IntentPrediction(intent: ranking[0], ranking: ranking), entities: []))
        #expect((reply.policy == .lookupMissing) == reRead, "\(reply.reason)")
        #expect((reply.policy == .frustration) == !reRead)
    }

    @Test func aComplaintThatIsNoQuestionGetsTheApology() {
        var chat = ShopBot.conversation()
        let reply = chat.say(line("你们怎么回事", "complaint", 0.95))
        #expect(reply.policy == .frustration)
        #expect(reply.source == .message("frustration"))
    }

    @Test func aQuestionAboutTheHumanServiceIsAnsweredNotHandedOff() {
        var chat = ShopBot.conversation()
        let reply = chat.say(line("人工客服几点上班", "human_agent", 0.8))
        #expect(reply.source == .knowledgeBase(entry: "service-hours"))
        #expect(!reply.handoff)
    }

    @Test func aQuestionWithStartInItIsNoReset() {
        var chat = ShopBot.conversation()
        chat.say(line("我想退货", "return_request"))
        let reply = chat.say(line("双十一什么时候开始", "reset", 0.9))
        #expect(reply.policy == .knowledgeAnswer)
        #expect(chat.state.activeIntent == "return_request")
    }

    @Test func angerHandsOffWithItsCue() {
        var chat = ShopBot.conversation()
        let first = chat.say(line("再不发货我就打12315"))
        #expect(first.policy == .frustration)
        #expect(first.reason.contains("word 12315"))
        let second = chat.say(line("平台介入吧，垃圾店"))
        #expect(second.handoff)
        #expect(second.source == .handoff(HandoffReason(.anger, cue: "word 垃圾")))
        #expect(chat.state.handoffReason == HandoffReason(.anger, cue: "word 垃圾"))
        let after = chat.say(line("人呢"))
        #expect(after.source == .handoff(HandoffReason(.anger, cue: "word 垃圾")))
    }

    @Test func askingForAHumanIsRecordedAsAsked() {
        var chat = ShopBot.conversation()
        let reply = chat.say(line("转人工", "human_agent"))
        #expect(reply.source == .handoff(HandoffReason(.asked, cue: "intent human_agent")))
    }

    @Test(arguments: ["订单20261231231500到哪了", "我的手机号13812315678"])
    func digitsInsideANumberAreNoThreat(text: String) {
        #expect(FrustrationDetector().signal(in: line(text), cues: LineCues(text), repeated: false) == nil)
    }

    /// Impatience and everyday 搞 are no complaint; an outburst still is.
    @Test(arguments: ["怎么还不发货啊", "最近店里搞什么活动啊", "到了没"])
    func impatientOrEverydayLinesAreNotUpset(text: String) {
        #expect(FrustrationDetector().signal(in: line(text), cues: LineCues(text), repeated: false) == nil)
    }

    @Test func anOutburstWithGaoIsUpset() {
        let text = "你们搞什么鬼 还不发货"
        #expect(FrustrationDetector().signal(in: line(text), cues: LineCues(text), repeated: false) == FrustrationSignal(.anger, cue: "word 搞什么鬼"))
    }

    @Test(arguments: [("到底发不发货", FrustrationSignal(.impatience, cue: "word 到底")),
                      ("发货了没！！！", FrustrationSignal(.impatience, cue: "a run of 3 ！/？")),
                      ("到底发不发货 等着差评吧", FrustrationSignal(.anger, cue: "word 差评")),
                      ("你们是傻X吗", FrustrationSignal(.anger, cue: "word 傻x")),
                      ("催了八百遍了", FrustrationSignal(.impatience, cue: "word 催了八百遍"))])
    func impatienceIsToldFromAnger(text: String, signal: FrustrationSignal) {
        let detector = FrustrationDetector(impatienceWords: ["催了八百遍"])
        #expect(detector.signal(in: line(text), cues: LineCues(text), repeated: false) == signal)
    }

    @Test func theSameLineTwiceIsAnger() {
        let text = "发货了吗"
        #expect(FrustrationDetector().signal(in: line(text), cues: LineCues(text), repeated: true)?.kind == .anger)
    }

    @Test(arguments: [0.98, 0.6])
    func anImpatientRequestIsApologisedForAndServed(confidence: Double) {
        var chat = ShopBot.conversation()
        let reply = chat.say(line("到底什么时候能发货啊！！！", "delivery_time", confidence))
        #expect(reply.text.hasPrefix("非常抱歉给您带来不便！请提供"))
        #expect(reply.source == .intent("delivery_time"))
        #expect(reply.reason.contains("impatience (word 到底) with a request → apology first"))
        #expect(chat.state.pending == .slot("order_id"))
        #expect(chat.state.frustration == 1)
    }

    @Test func anImpatientValueFillsTheSlotAsked() {
        var chat = ShopBot.conversation()
        chat.say(line("我的订单怎么还没发货", "delivery_time"))
        let reply = chat.say(order("20261120093015 快点！！！", "20261120093015"))
        #expect(reply.text.hasPrefix("非常抱歉给您带来不便！订单 20261120093015"))
        #expect(reply.source == .table(name: "orders", row: "20261120093015", intent: "delivery_time"))
    }

    @Test func impatientTwiceIsOfferedAHuman() {
        var chat = ShopBot.conversation()
        chat.say(line("到底什么时候能发货啊！！！", "delivery_time", 0.98))
        let reply = chat.say(line("到底要等多久！！！", "delivery_time", 0.98))
        #expect(reply.policy == .handoff)
    }

    @Test func anImpatientLineWithoutARequestIsOfferedAHuman() {
        var chat = ShopBot.conversation()
        let reply = chat.say(line("到底怎么回事？？？"))
        #expect(reply.policy == .frustration)
        #expect(chat.state.pending == .humanOffer)
    }
}

@Suite("Rows found without their key") struct AlternateKeyTests {
    private func phone(_ text: String, _ number: String) -> Utterance {
        line(text, entities: [(name: "phone", text: number)])
    }

    @Test func aCustomerWithoutTheNumberIsAskedForThePhoneAndTheOrderIsFound() {
        var chat = ShopBot.conversation()
        chat.say(line("查物流", "order_status"))
        let asked = chat.say(line("订单号忘了", "deny"))
        #expect(asked.text == "请告诉我下单手机号。")
        #expect(chat.state.pending == .slot("phone"))
        let found = chat.say(phone("13800000001", "13800000001"))
        #expect(found.text == "订单 20261120093015 在路上了，预计 11月30日 到。")
        #expect(chat.state.remembered["order_id"] == "20261120093015")
        let next = chat.say(line("什么时候到", "delivery_time"))
        #expect(next.text == "订单 20261120093015 预计 11月30日 送达，已帮您催促。")
    }

    @Test func severalOrdersAreListedAndNoneIsSaid() {
        var chat = ShopBot.conversation()
        chat.say(line("我想退货", "return_request"))
        let several = chat.say(phone("我手机号13800000002", "13800000002"))
        #expect(several.text == "手机号 13800000002 有 2 个订单：20261121101010（羽绒服）、20261123090909（音箱），是哪一个？")
        #expect(chat.state.pending == .slot("order_id"))
        let none = chat.say(phone("13999999999", "13999999999"))
        #expect(none.text == "手机号 13999999999 下没有订单。")
        #expect(none.policy == .lookupMissing)
        let chosen = chat.say(order("20261123090909", "20261123090909"))
        #expect(chosen.text == "订单 20261123090909 还没有付款，不需要退货。需要帮您取消这个订单吗？")
    }

    /// A form that takes a phone itself does not find its row by one, and a line that neither
    /// lacks the number nor gives a phone is handled as before.
    @Test func aLineThatDoesNotLackTheNumberIsNoRequestForThePhone() {
        var chat = ShopBot.conversation()
        chat.say(line("查物流", "order_status"))
        let other = chat.say(line("嗯", nil))
        #expect(chat.state.pending != .slot("phone"))
        #expect(other.text.contains("请提供订单号"))
    }
}
