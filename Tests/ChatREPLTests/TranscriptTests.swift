import ChatEngine
import ChatREPL
import Dialogue
import Foundation
import KefuTestSupport
import Testing
import Yams

/// `:save` writes the session as a DESIGN §2 transcript that parses as YAML and reads back the
/// very strings that were seen.
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
            #expect(turn["reply"] as? String == recorded.reply)
            #expect(turn["intent"] as? String == recorded.intent)
            #expect(turn["answer"] as? String == recorded.answer)
            #expect((turn["slots"] as? [String: String] ?? [:]) == recorded.slots)
            #expect(turn["handoff"] as? Bool == (recorded.handoff ? true : nil))
            #expect(Set(turn.keys).isSubset(of: ["user", "intent", "answer", "slots", "handoff", "reply"]))
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

    static let hardStrings = [
        "20241105123456", "yes", "No", "null", "~", "true", "- item", "a: b", "x # comment", "\"quoted\"", "back\\slash",
        "line\nbreak", "tab\there", "请提供订单号：", "「引号」", "  leading space", "trailing ", "", "emoji 😀", "'single'",
        "{json: 1}", "[1, 2]", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "|", ">", "?", "\u{85}next",
        "\u{2028}sep", "\u{7}bell", "\u{7F}del", "1.5", "0x1F", ".inf", "return_request", "我想退货",
    ]

    // Not in the list: a byte-order mark (U+FEFF). It is written escaped, but libyaml (under
    // Yams) drops it when reading, so it cannot round-trip through that parser.
    @Test(arguments: hardStrings)
    func everyStringReadsBackUnchanged(text: String) throws {
        let transcript = SessionTranscript(turns: [RecordedTurn(user: text, intent: text, answer: text, slots: [text: text, "k": text],
                                                                handoff: true, reply: text)])
        let document = try #require(try Yams.load(yaml: transcript.yaml(name: text)) as? [String: Any])
        #expect(document["name"] as? String == text)
        let turn = try #require((document["turns"] as? [[String: Any]])?.first)
        for key in ["user", "intent", "answer", "reply"] {
            #expect(turn[key] as? String == text, "\(key) of \(text.debugDescription)")
        }
        #expect(turn["slots"] as? [String: String] == [text: text, "k": text])
        #expect(turn["handoff"] as? Bool == true)
    }

    @Test func plainScalarsWhereSafe() {
        let yaml = SessionTranscript(turns: [RecordedTurn(user: "我想退货", intent: "return_request", reply: "好的。")]).yaml(name: "returns")
        #expect(yaml == """
            name: returns
            turns:
              - user: 我想退货
                intent: return_request
                reply: "好的。"

            """)
        #expect(SessionTranscript().yaml(name: "empty") == "name: empty\nturns: []\n")
    }
}
