/// The BMES hidden Markov model that joins runs of characters the dictionary does not know:
/// a tiny hand-made model whose emissions force the labelling, and the shipped model on and off.
import ChatCore
import Foundation
import Segmentation
import Testing

@Suite("HMM")
struct HMMTests {
    static let B = 0, E = 1, M = 2, S = 3

    /// 子 丑 寅 卯 甲 乙 丙 are unknown to the dictionary; the model decides their labels alone.
    static let model = Fixture.forcingModel([
        "子": B, "丑": E, "寅": S, "卯": S,
        "甲": B, "乙": M, "丙": E,
    ])
    static let words: [(String, Int)] = [("天", 1000), ("地", 1000), ("天地", 500)]

    @Test("the forced labelling B E S S cuts 子丑 寅 卯")
    func forcedLabelling() throws {
        let segmenter = try Fixture.segmenter(Self.words, model: Self.model)
        #expect(segmenter.texts("子丑寅卯") == ["子丑", "寅", "卯"])
        #expect(segmenter.texts("甲乙丙") == ["甲乙丙"])
        #expect(segmenter.texts("甲乙丙子丑") == ["甲乙丙", "子丑"])
        #expect(segmenter.tokenize("子丑寅卯").map(\.kind) == [.word, .word, .word])
    }

    @Test("with the HMM off every unknown character stands alone")
    func hmmOff() throws {
        let segmenter = try Fixture.segmenter(Self.words, model: Self.model, usesHMM: false)
        #expect(segmenter.texts("子丑寅卯") == ["子", "丑", "寅", "卯"])
        #expect(segmenter.texts("甲乙丙") == ["甲", "乙", "丙"])
    }

    @Test("dictionary words are never handed to the HMM")
    func dictionaryWordsStay() throws {
        let segmenter = try Fixture.segmenter(Self.words, model: Self.model)
        #expect(segmenter.texts("子天地丑") == ["子", "天地", "丑"])
        #expect(segmenter.texts("天地子丑") == ["天地", "子丑"])
    }

    @Test("a run of one character is not cut")
    func singleCharacterRun() throws {
        let segmenter = try Fixture.segmenter(Self.words, model: Self.model)
        #expect(segmenter.texts("天地子天地") == ["天地", "子", "天地"])
    }

    @Test("scripts other than Han end an HMM run")
    func otherScriptsEndRuns() throws {
        let segmenter = try Fixture.segmenter(Self.words, model: Self.model)
        #expect(segmenter.texts("子，丑") == ["子", "，", "丑"])
        #expect(segmenter.texts("子12丑") == ["子", "12", "丑"])
    }

    @Test("characters that are common words on their own are not glued together")
    func commonWordsStayApart() throws {
        // 子 and 丑 are frequent single-character words (p = 1/3): the model's 子丑 is split again.
        let common = try Fixture.segmenter([("子", 1000), ("丑", 1000), ("天", 1000)], model: Self.model)
        #expect(common.texts("子丑寅卯") == ["子", "丑", "寅", "卯"])
        // 丑 is a rare word (p = 1 / 10⁶, below about 1 in 7,300): 子丑 stays a word.
        let rare = try Fixture.segmenter([("子", 1000), ("丑", 1), ("天", 998_999)], model: Self.model)
        #expect(rare.texts("子丑寅卯") == ["子丑", "寅", "卯"])
    }

    @Test("a word of three with one uncommon character is split; a word of two is not")
    func oneUncommonCharacter() throws {
        // 甲 and 乙 are common words, 丙 and 丑 are not: 甲乙丙 splits, 子丑 (子 common) stays.
        let words = [("甲", 1000), ("乙", 1000), ("子", 1000), ("丙", 1), ("丑", 1), ("天", 997_998)]
        let segmenter = try Fixture.segmenter(words, model: Self.model)
        #expect(segmenter.texts("甲乙丙") == ["甲", "乙", "丙"])
        #expect(segmenter.texts("子丑") == ["子丑"])
        // With two uncommon characters of three, the HMM word stands.
        let twoRare = try Fixture.segmenter([("甲", 1000), ("乙", 1), ("丙", 1), ("天", 998_998)], model: Self.model)
        #expect(twoRare.texts("甲乙丙") == ["甲乙丙"])
    }

    @Test("a run of singles that is itself a dictionary word is left as singles")
    func runThatIsAWord() throws {
        // The route prefers 子|丑 (p² ≈ 1.1e-8) over the rare word 子丑 (p ≈ 1.05e-8); neither
        // character is common (p ≈ 1.05e-4), yet the HMM must not turn the run back into 子丑.
        let total = 95_000_000
        let words = [("子", 10_000), ("丑", 10_000), ("子丑", 1), ("天", total - 20_001)]
        let segmenter = try Fixture.segmenter(words, model: Self.model)
        #expect(segmenter.texts("子丑") == ["子", "丑"])
        // The same two characters unknown to the dictionary are joined by the model.
        let unknown = try Fixture.segmenter([("天", total)], model: Self.model)
        #expect(unknown.texts("子丑") == ["子丑"])
    }

    @Test("characters the model never saw are cut by transitions alone")
    func unseenCharacters() throws {
        // No emissions at all: with start and transitions at ½ each, B E and S S are equally
        // likely, and a tie at the end goes to S, as in jieba.
        let segmenter = try Fixture.segmenter(Self.words, model: Fixture.emptyModel)
        #expect(segmenter.texts("鼠牛") == ["鼠", "牛"])
    }

    @Test("shipped model: an unknown run is joined with the HMM and left alone without it")
    func shippedOnOff() throws {
        #expect(try Shipped.texts("他来到了网易杭研大厦", usesHMM: true) == ["他", "来到", "了", "网易", "杭研", "大厦"])
        #expect(try Shipped.texts("他来到了网易杭研大厦", usesHMM: false) == ["他", "来到", "了", "网易", "杭", "研", "大厦"])
    }

    @Test("shipped model: HMM on or off only changes how unknown runs are cut")
    func shippedOnOffAgreeOnWords() throws {
        let line = "永和服装饰品有限公司，联系13812345678"
        #expect(try Shipped.texts(line, usesHMM: true) == Shipped.texts(line, usesHMM: false))
    }

    @Test("usesHMM can be switched on an existing segmenter")
    func switchable() throws {
        var segmenter = try Shipped.segmenter()
        #expect(segmenter.usesHMM)
        segmenter.usesHMM = false
        #expect(segmenter.texts("杭研") == ["杭", "研"])
        segmenter.usesHMM = true
        #expect(segmenter.texts("杭研") == ["杭研"])
    }
}
