import ChatCore
import ChatEngine
@testable import ChatREPL
import Dialogue
import Foundation
import KefuTestSupport
import Testing

/// Scripted sessions on the shop fixture: customer lines and every agent command.
@Suite struct ChatSessionTests {
    /// What the engine itself answers to `lines` in a row, from the start.
    func engineReplies(_ lines: [String]) -> [Reply] {
        var state = DialogueState.start
        return lines.map { line in
            let (reply, next) = Shop.engine.respond(to: line, in: state, at: Shop.reference)
            state = next
            return reply
        }
    }

    @Test func customerLinesGetTheEnginesRepliesOnATerminal() {
        let lines = ["你好", "我的订单到哪了", "20241105123456"]
        let (session, output) = Shop.run(lines)
        let expected = engineReplies(lines).map { "客服：\($0.text)\n" }.joined()
        #expect(output.text == expected)
        #expect(output.warnings.isEmpty)
        #expect(session.state.turns == 3)
        #expect(session.transcript.turns.map(\.user) == lines)
    }

    @Test func plainStylePrintsOnlyTheReplies() {
        let lines = ["你好", "", "   ", "运费怎么算"]
        let (_, output) = Shop.run(lines, style: .plain)
        let expected = engineReplies(["你好", "运费怎么算"]).map { "\($0.text)\n" }.joined()
        #expect(output.text == expected)
        #expect(output.warnings.isEmpty)
    }

    @Test func aPromptOnlyOnATerminal() {
        var source = ScriptedLines(["你好"])
        var output = RecordedOutput()
        var session = Shop.session(.plain)
        session.run(lines: &source, output: &output)
        #expect(source.prompts.allSatisfy { $0.isEmpty })
        #expect(source.vocabularies.first?.intents.contains("order_status") == true)
        #expect(Shop.session().prompt.isEmpty == false)
        #expect(Shop.session().banner.contains(":help"))
        #expect(Shop.session().banner.contains("model "))   // the load report: cached or trained
    }

    @Test func whyExplainsTheLastLineInTheStateItWasAnsweredIn() {
        let (session, output) = Shop.run(["我的订单到哪了", ":why"])
        let reply = engineReplies(["我的订单到哪了"])[0]
        let report = output.text.components(separatedBy: "\n").dropFirst().joined(separator: "\n")
        #expect(report.contains("「我的订单到哪了」"))
        #expect(report.contains("tokens     "))
        #expect(report.contains("intents    order_status"))
        #expect(report.contains("→ order_status") == (reply.intent == "order_status"))
        #expect(report.contains("reply      [\(reply.policy.rawValue)"))
        #expect(report.contains("reason     \(reply.reason)"))
        #expect(report.contains("text       \(reply.text)"))
        #expect(report.contains("knowledge"))
        #expect(session.state.turns == 1)   // :why answers nothing
    }

    @Test func whyShowsEntitiesAndKnowledgeCandidates() {
        let (_, output) = Shop.run([":why 订单20241105123456的运费怎么算"])
        #expect(output.text.contains("(not answered"))
        #expect(output.text.contains("order_id = 20241105123456"))
        #expect(output.text.contains(". shipping-fee "))
        #expect(output.text.contains("bm25 "))
    }

    @Test func whyWithTextLeavesTheConversationAlone() {
        let (session, output) = Shop.run(["你好", ":why 取消订单"])
        #expect(output.text.contains("「取消订单」"))
        #expect(session.state.turns == 1)
        #expect(session.transcript.turns.count == 1)
    }

    @Test func whyBeforeAnyLineSaysWhatToDo() {
        let (_, output) = Shop.run([":why"])
        #expect(output.text.contains("nothing to explain yet"))
    }

    @Test func stateIsTheDialogueStateAsJSON() throws {
        let (session, output) = Shop.run(["我的订单到哪了", ":state"])
        let json = String(output.text.drop(while: { $0 != "{" }))
        let decoded = try JSONDecoder().decode(DialogueState.self, from: Data(json.utf8))
        #expect(decoded == session.state)
        #expect(decoded.turns == 1)
    }

    @Test func resetStartsOver() {
        let (session, output) = Shop.run(["我的订单到哪了", ":reset"])
        #expect(session.state == .start)
        #expect(session.transcript.turns.isEmpty)
        #expect(output.text.contains("starts over"))
    }

    @Test func intentsListsNamesWithExampleCounts() {
        let (_, output) = Shop.run([":intents"])
        #expect(output.text.hasPrefix("\(Shop.engine.bot.intents.count) intents:\n"))
        for intent in Shop.engine.bot.intents {
            #expect(output.text.contains(intent.name), "missing \(intent.name)")
        }
        #expect(output.text.contains("order_status  10 examples  slots: order_id"))
    }

    @Test func intentsWithANameShowsTheIntent() {
        let (_, output) = Shop.run([":intents cancel_order", ":intents order", ":intents nothing_like_this"])
        #expect(output.text.contains("slot order_id: entity order_id, prompt 「请提供要取消的订单号（14位数字）。」"))
        #expect(output.text.contains("asks for confirmation first"))
        #expect(output.text.contains("looks up table orders by order_id"))
        #expect(output.text.contains("  order_status "))   // the filter: names containing "order"
        #expect(output.text.contains("no intent named or containing nothing_like_this"))
    }

    @Test func kbRanksCandidatesAndShowsTheFirstAnswer() {
        let (_, output) = Shop.run([":kb 运费怎么算", ":kb"])
        #expect(output.text.contains("1. shipping-fee"))
        #expect(output.text.contains("confidence "))
        #expect(output.text.contains("订单满 99 元包邮，不满 99 元收取 8 元运费。"))
        #expect(output.text.contains(":kb takes a question"))
        let candidates = Shop.engine.knowledge?.answers(for: "运费怎么算", limit: 5) ?? []
        #expect(output.text.contains("\(candidates.count). "))
    }

    @Test func debugAddsPolicyIntentAndAnswerUnderEachReply() {
        let (session, output) = Shop.run([":debug on", "运费怎么算", ":debug off", "你好", ":debug"])
        let replies = engineReplies(["运费怎么算", "你好"])
        #expect(output.text.contains("客服：\(replies[0].text)\n  [\(replies[0].policy.rawValue)"))
        if let answer = replies[0].answer { #expect(output.text.contains("answer \(answer.id)")) }
        #expect(output.text.contains("客服：\(replies[1].text)\ndebug is off"))
        #expect(!session.isDebugging)
    }

    @Test func helpListsEveryCommand() {
        let (_, output) = Shop.run([":help"])
        for name in AgentCommand.names { #expect(output.text.contains(name)) }
    }

    @Test func quitEndsTheSession() {
        let (session, output) = Shop.run([":quit", "你好"])
        #expect(output.text.isEmpty)
        #expect(session.state.turns == 0)
    }

    @Test(arguments: [(":stat", ":state"), (":hlep", ":help"), (":sav", ":save"), (":reloda", ":reload")])
    func unknownCommandSuggestsTheClosest(typed: String, suggestion: String) {
        let (_, output) = Shop.run([typed, "你好"])
        #expect(output.text.hasPrefix("(unknown command \(typed): did you mean \(suggestion)? :help lists the commands)\n"))
        #expect(output.text.contains("客服："))   // the session goes on
    }

    @Test func unknownCommandInPlainStyleIsAWarningWithTheLineNumber() {
        let (_, output) = Shop.run(["你好", ":frobnicate"], style: .plain)
        #expect(output.warnings == "kefu chat: line 2: unknown command :frobnicate: :help lists the commands\n")
        #expect(!output.text.contains("frobnicate"))
    }

    @Test func aColonWithoutALetterIsCustomerText() {
        let (session, _) = Shop.run([":)"])
        #expect(session.state.turns == 1)
    }

    @Test func badDebugArgumentSaysWhatItTakes() {
        let (_, output) = Shop.run([":debug maybe"])
        #expect(output.text.contains(":debug takes on or off"))
    }

    @Test func invalidUTF8IsReportedAndTheSessionGoesOn() {
        var session = Shop.session(.plain)
        var source = ScriptedLines([.invalidUTF8, .text("你好")])
        var output = RecordedOutput()
        session.run(lines: &source, output: &output)
        #expect(output.warnings.contains("line 1: the line is not valid UTF-8"))
        #expect(output.text == engineReplies(["你好"])[0].text + "\n")
    }

    @Test func aMegabyteLineIsRefusedWithAMessage() {
        let huge = String(repeating: "退货", count: 500_000)
        let (session, output) = Shop.run([huge, "你好"])
        #expect(output.text.hasPrefix("(the line is too long (1000000 characters; at most \(ChatSession.maximumLineLength))"))
        #expect(session.state.turns == 1)
    }

    @Test func reloadKeepsTheConversation() {
        let (session, output) = Shop.run(["我的订单到哪了", ":reload"])
        #expect(output.text.contains("reloaded "))
        #expect(output.text.contains("the conversation goes on"))
        #expect(session.state.turns == 1)
    }

    @Test func reloadOfAFolderThatFailsKeepsThePreviousBot() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var session = ChatSession(engine: Shop.engine, botFolder: directory.path("missing"), style: .terminal,
                                  clock: { Shop.reference },
                                  loader: { folder throws(ChatEngineError) in try ChatEngine.load(botFolder: folder) })
        var output = RecordedOutput()
        var source = ScriptedLines([":reload", "你好"])
        session.run(lines: &source, output: &output)
        #expect(output.text.contains("cannot reload "))
        #expect(output.text.contains("the previous bot stays loaded"))
        #expect(session.state.turns == 1)
    }
}

@Suite struct ReplyLayoutTests {
    @Test func aReplyOfSeveralLinesIsIndentedOnATerminalAndOneLineThroughAPipe() {
        let text = "抱歉，没太明白。\n请提供您的订单号（14位数字）。"
        #expect(ChatSession.show(text, style: .terminal) == "客服：抱歉，没太明白。\n      请提供您的订单号（14位数字）。\n")
        #expect(ChatSession.show(text, style: .plain) == "抱歉，没太明白。 请提供您的订单号（14位数字）。\n")
        #expect(ChatSession.show("好的", style: .plain) == "好的\n")
    }
}
