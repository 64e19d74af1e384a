import IntentMatching
import Testing

@Suite("Intent model training and format")
struct IntentModelFormatTests {
    @Test("training twice gives the same bytes and hash") func deterministic() throws {
        let again = try IntentModel.train(on: SupportBotFixture.examples, segmenter: SupportBotFixture.segmenter)
        #expect(again.serialized() == SupportBotFixture.model.serialized())
        #expect(again.modelHash == SupportBotFixture.model.modelHash)
        #expect(again.modelHash.count == 64)
    }

    @Test("another seed gives another model") func seedMatters() throws {
        let other = try IntentModel.train(on: SupportBotFixture.examples, segmenter: SupportBotFixture.segmenter,
                                          options: IntentTrainingOptions(seed: 99))
        #expect(other.modelHash != SupportBotFixture.model.modelHash)
    }

    @Test("a model read back predicts the same and writes the same bytes") func roundTrip() throws {
        let bytes = SupportBotFixture.model.serialized()
        let read = try IntentModel(serialized: bytes, segmenter: SupportBotFixture.segmenter)
        #expect(read.serialized() == bytes)
        for line in ["我要退货", "运费多少", "啊啊啊啊", "where is my parcel"] {
            #expect(read.predict(line) == SupportBotFixture.model.predict(line))
        }
    }

    @Test("damaged, truncated and foreign bytes are rejected", arguments: ["flip", "truncate", "foreign", "empty", "version"])
    func rejectsCorruption(kind: String) {
        var bytes = SupportBotFixture.model.serialized()
        switch kind {
        case "flip": bytes[bytes.count / 2] ^= 0x40
        case "truncate": bytes.removeLast(100)
        case "foreign": bytes = Array("PK\u{3}\u{4} not a model at all, just some other file".utf8)
        case "empty": bytes = []
        default: bytes[8] = 99
        }
        #expect(throws: IntentModelFormatError.self) {
            _ = try IntentModel(serialized: bytes, segmenter: SupportBotFixture.segmenter)
        }
    }

    @Test("training errors say what to fix") func trainingErrors() {
        let one = [LabeledText(text: "你好", label: "greeting"), LabeledText(text: "在吗", label: "greeting")]
        #expect(throws: IntentTrainingError.self) { _ = try IntentModel.train(on: one, segmenter: SupportBotFixture.segmenter) }
        let single = one + [LabeledText(text: "我要退货", label: "return")]
        do {
            _ = try IntentModel.train(on: single, segmenter: SupportBotFixture.segmenter)
            Issue.record("an intent with one example trained")
        } catch {
            #expect(error.description.contains("return"))
            #expect(error.description.contains("1 example"))
        }
    }

    @Test("out-of-scope examples are never predicted and teach rejection") func outOfScopeExamples() throws {
        let outOfScope = ["今天天气怎么样", "讲个笑话", "你喜欢什么电影", "what is the capital of france", "帮我写首诗",
                          "股票会涨吗", "tell me a joke", "明天会下雨吗", "推荐一首歌", "who won the game"]
        let examples = SupportBotFixture.examples + outOfScope.map { LabeledText(text: $0, label: "oos") }
        let model = try IntentModel.train(on: examples, segmenter: SupportBotFixture.segmenter,
                                          options: IntentTrainingOptions(outOfScopeLabel: "oos"))
        #expect(!model.intents.contains("oos"))
        for line in outOfScope + ["讲个笑话吧", "天气怎么样"] {
            let prediction = model.predict(line)
            #expect(prediction.intent?.name != "oos")
            #expect(!prediction.ranking.contains { $0.name == "oos" })
        }
        #expect(model.predict("讲个笑话吧").intent == nil)
        #expect(model.predict("我要退货").intent?.name == "return_request")
    }

    @Test("explain names the n-grams behind an intent") func explain() {
        let features = SupportBotFixture.model.explain("我想退货", intent: "return_request", top: 3)
        #expect(features.count == 3)
        #expect(features.contains { $0.feature.contains("退") })
        #expect(features[0].weight >= features[1].weight)
    }

    @Test("confidences are probabilities, ranking best first") func ranking() {
        let prediction = SupportBotFixture.model.predict("包邮吗")
        #expect(prediction.ranking.count == 4)
        #expect(zip(prediction.ranking, prediction.ranking.dropFirst()).allSatisfy { $0.confidence >= $1.confidence })
        #expect(prediction.ranking.allSatisfy { $0.confidence >= 0 && $0.confidence <= 1 })
    }

    @Test("predict is safe from many threads") func concurrent() async {
        let model = SupportBotFixture.model
        let expected = model.predict("我要退货")
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { model.predict("我要退货") == expected } }
            for await same in group { #expect(same) }
        }
    }
}
