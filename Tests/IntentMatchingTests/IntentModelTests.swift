import ChatCore
import IntentMatching
import Segmentation
import Testing

/// A small Chinese and English support bot: a few intents with ten examples each.
enum SupportBotFixture {
    static let examples: [LabeledText] = [
        ("我的订单到哪了", "order_status"), ("快递怎么还没到", "order_status"), ("帮我查一下物流", "order_status"),
        ("包裹什么时候送到", "order_status"), ("查询订单状态", "order_status"), ("where is my order", "order_status"),
        ("my package has not arrived", "order_status"), ("订单发货了吗", "order_status"), ("物流信息怎么不更新", "order_status"),
        ("track my parcel please", "order_status"),
        ("我想退货", "return_request"), ("这个东西我不要了，要退货", "return_request"), ("怎么申请退款", "return_request"),
        ("退货流程是什么", "return_request"), ("商品有质量问题想退", "return_request"), ("i want to return this item", "return_request"),
        ("how do i get a refund", "return_request"), ("衣服不合适可以退吗", "return_request"), ("申请退货退款", "return_request"),
        ("refund my order", "return_request"),
        ("运费怎么算", "shipping_fee"), ("包邮吗", "shipping_fee"), ("满多少包邮", "shipping_fee"), ("邮费多少钱", "shipping_fee"),
        ("how much is shipping", "shipping_fee"), ("寄到北京运费多少", "shipping_fee"), ("是否免运费", "shipping_fee"),
        ("shipping cost to shanghai", "shipping_fee"), ("快递费谁出", "shipping_fee"), ("is delivery free", "shipping_fee"),
        ("你好", "greeting"), ("您好，在吗", "greeting"), ("hello", "greeting"), ("hi there", "greeting"), ("早上好", "greeting"),
        ("有人吗", "greeting"), ("客服在不在", "greeting"), ("good morning", "greeting"), ("哈喽", "greeting"), ("嗨，你好呀", "greeting"),
    ].map { LabeledText(text: $0.0, label: $0.1) }

    static let segmenter: Segmenter = {
        do { return try Segmenter.shipped(userWords: WordList()) } catch { fatalError("the shipped dictionary: \(error)") }
    }()

    static let model: IntentModel = {
        do { return try IntentModel.train(on: examples, segmenter: segmenter) } catch { fatalError("training: \(error)") }
    }()
}

@Suite("Intent model")
struct IntentModelTests {
    @Test("learns the fixture bot", arguments: [
        ("我的快递到哪里了", "order_status"), ("我要退货", "return_request"), ("运费多少", "shipping_fee"),
        ("hello there", "greeting"), ("where is my parcel", "order_status"), ("can i get a refund", "return_request"),
    ])
    func learnsFixture(text: String, intent: String) {
        #expect(SupportBotFixture.model.predict(text).intent?.name == intent)
    }

    @Test("gibberish, numbers and punctuation are out of scope", arguments: ["osifhaskdnkauer", "啊啊啊啊", "1234", "？？？"])
    func noiseIsOutOfScope(text: String) {
        let prediction = SupportBotFixture.model.predict(text)
        #expect(prediction.intent == nil)
        #expect(prediction.outOfScopeReason != nil)
    }

    @Test("intents are sorted") func intentsSorted() {
        #expect(SupportBotFixture.model.intents == ["greeting", "order_status", "return_request", "shipping_fee"])
    }
}
