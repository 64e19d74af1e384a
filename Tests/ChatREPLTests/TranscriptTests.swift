import ChatEngine
import ChatREPL
import Dialogue
import Foundation
import KefuTestSupport
import Testing
import Transcripts
import Yams

/// `:save` writes the session as a DESIGN §2 transcript that parses as YAML and reads back the
/// very strings that were seen (the writer's quoting is tested in TranscriptsTests).
@Suite struct TranscriptTests {
    @Test func saveWritesTheTurnsWithTheirChecks() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let file = directory.path("退货 session.yml")
        let lines = ["你好", "运费怎么算", "我的订单到哪了", "20241105123456"]
        let (session, output) = Shop.run(lines + [":save \(file)"])
        #expect(output.text.contains("saved 4 turn(s) to \(file)"))

        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        let document = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        #expect(document["name"] as? String == "退货 session")
        let turns = try #require(document["turns"] as? [[String: Any]])
        #expect(turns.count == 4)
        for (turn, recorded) in zip(turns, session.transcript.turns) {
            #expect(turn["user"] as? String == recorded.user)
            #expect(turn["reply"] as? String == recorded.checks.reply)
            #expect(turn["intent"] as? String == recorded.checks.intent ?? nil)
            #expect(turn["answer"] as? String == recorded.checks.answer ?? nil)
            #expect(turn["slots"] as? [String: String] == recorded.checks.slots)
            #expect(turn["handoff"] as? Bool == recorded.checks.handoff)
            #expect(turn["source"] as? String == recorded.checks.source)
            #expect(Set(turn.keys).isSubset(of: ["user", "intent", "source", "answer", "slots", "handoff", "reply"]))
        }
        // The order number stays a string, not a number, in the line and in the slot.
        #expect(turns[3]["user"] as? String == "20241105123456")
        #expect((turns[3]["slots"] as? [String: String])?["order_id"] == "20241105123456")
        // The knowledge-base question got its answer's id as a check.
        let shippingReply = Shop.engine.respond(to: "运费怎么算", in: DialogueState.start, at: Shop.reference).0
        #expect(shippingReply.answer?.id == "shipping-fee")
        #expect(turns[1]["answer"] as? String == "shipping-fee")
    }

    @Test func saveWithoutAFileOrIntoAMissingFolderSaysWhatToDo() throws {
        let (_, output) = Shop.run([":save", ":save /nonexistent-kefu-folder/x.yml"])
        #expect(output.text.contains(":save takes a file name"))
        #expect(output.text.contains("cannot write /nonexistent-kefu-folder/x.yml"))
    }
}
