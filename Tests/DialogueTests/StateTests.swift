import Dialogue
import Foundation
import Testing

@Suite("The state as a stored value") struct StateTests {
    @Test func roundTripsThroughJSON() throws {
        let state = DialogueState(turns: 4, activeIntent: "cancel_order", slots: ["order_id": "20241105123456"], fallbacks: 1,
                                  handoff: false, pending: .confirmation, lastAnswer: "returns-policy", lastLine: "7f3a", frustration: 1)
        let data = try JSONEncoder().encode(state)
        #expect(try JSONDecoder().decode(DialogueState.self, from: data) == state)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""pending":"confirmation""#))
    }

    @Test(arguments: [PendingQuestion.slot("order_id"), .confirmation, .humanOffer])
    func pendingQuestionsAreOneString(_ question: PendingQuestion) throws {
        let data = try JSONEncoder().encode([question])
        #expect(try JSONDecoder().decode([PendingQuestion].self, from: data) == [question])
        #expect(PendingQuestion(question.description) == question)
    }

    @Test func missingKeysTakeTheirDefaults() throws {
        let state = try JSONDecoder().decode(DialogueState.self, from: Data(#"{"turns":3,"slots":{"a":"b"}}"#.utf8))
        #expect(state == DialogueState(turns: 3, slots: ["a": "b"]))
    }

    @Test func aBadPendingQuestionIsAnError() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DialogueState.self, from: Data(#"{"turns":1,"pending":"maybe"}"#.utf8))
        }
    }
}
