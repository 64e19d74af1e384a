/// `respond` is a pure function of the engine, the state, the line and the time: the same
/// inputs give the same reply and state, and many tasks calling it at once get exactly the
/// replies a serial run gets. `explain` shows what decided, and changes nothing.
import ChatCore
import ChatEngine
import Dialogue
import Entities
import Foundation
import KefuTestSupport
import Testing

@Suite("Engine respond")
struct EngineRespondTests {
    static let reference = try! ReferenceTime(iso8601: "2026-11-23T10:00:00+08:00")

    static let engine: Result<ChatEngine, any Error> = Result {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        return try ChatEngine.load(botFolder: FixtureBot.writeShop(into: directory), options: EngineLoadOptions(cache: .off))
    }

    /// Conversations of a few lines each, with slot values, knowledge-base questions and noise.
    static let conversations: [[String]] = [
        ["你好", "我的订单到哪了", "20241105123456", "谢谢"],
        ["退货运费谁出", "那运费呢？", "怎么开发票"],
        ["我要取消订单", "20241106000001", "是的"],
        ["asdkjhqwe", "？？？", "转人工"],
        ["包邮吗", "where is my order", "2024110512345", "再见"],
    ]

    /// Each conversation run line by line from the start, as (reply, state) pairs.
    static func run(_ engine: ChatEngine, _ lines: [String]) -> [(Reply, DialogueState)] {
        var state = DialogueState.start
        return lines.map { line in
            let (reply, next) = engine.respond(to: line, in: state, at: reference)
            state = next
            return (reply, next)
        }
    }

    @Test("the same line in the same state at the same time gives the same reply and state")
    func pure() throws {
        let engine = try Self.engine.get()
        for lines in Self.conversations {
            let first = Self.run(engine, lines), second = Self.run(engine, lines)
            #expect(first.map(\.0) == second.map(\.0))
            #expect(first.map(\.1) == second.map(\.1))
        }
        var state = DialogueState.start
        state.turns = 7
        #expect(engine.respond(to: "你好", in: state, at: Self.reference) == engine.respond(to: "你好", in: state, at: Self.reference))
    }

    @Test("sessions answered concurrently from many tasks get the replies a serial run gets")
    func concurrent() async throws {
        let engine = try Self.engine.get()
        let serial = Self.conversations.map { Self.run(engine, $0).map(\.0) }
        let copies = 8
        let parallel = await withTaskGroup(of: (Int, [Reply]).self) { group in
            for task in 0..<(Self.conversations.count * copies) {
                group.addTask { (task, Self.run(engine, Self.conversations[task % Self.conversations.count]).map(\.0)) }
            }
            var results: [(Int, [Reply])] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(parallel.count == Self.conversations.count * copies)
        for (task, replies) in parallel { #expect(replies == serial[task % Self.conversations.count]) }
    }

    @Test("a knowledge-base question gets the entry's answer with its scores", arguments: [
        ("退货运费谁出", "return-shipping-fee"), ("怎么开发票", "invoice"), ("包邮吗", "shipping-fee"),
    ])
    func knowledgeAnswers(line: String, id: String) throws {
        let engine = try Self.engine.get()
        let candidates = try #require(engine.knowledge).answers(for: line, limit: 3)
        #expect(candidates.first?.choice.id == id)
        #expect(candidates.first?.isAccepted == true)
        #expect(candidates.dropFirst().allSatisfy { !$0.isAccepted })
    }

    @Test("explain shows tokens, intents with their features, candidates and the reply, and changes nothing")
    func explain() throws {
        let engine = try Self.engine.get()
        let explanation = engine.explain("我要取消订单", in: .start, at: Self.reference)
        #expect(explanation.utterance.tokens.map(\.text).contains("取消"))
        let best = try #require(explanation.intentEvidence.first)
        #expect(best.intent.name == "cancel_order")
        #expect(!best.features.isEmpty)
        #expect(best.features.map(\.weight) == best.features.map(\.weight).sorted(by: >))
        #expect(explanation.intentEvidence.count <= 3)
        let question = engine.explain("退货运费谁出", in: .start, at: Self.reference)
        #expect(question.knowledgeCandidates.first?.choice.id == "return-shipping-fee")
        let (reply, next) = engine.respond(to: "我要取消订单", in: .start, at: Self.reference)
        #expect(explanation.reply == reply)
        #expect(explanation.stateAfter == next)
    }
}
