import ChatREPL
import Testing

@Suite struct AgentCommandTests {
    @Test(arguments: [
        (":why", AgentCommand.why(nil)), (":why 我想退货", .why("我想退货")), (":why　 那运费呢？ ", .why("那运费呢？")),
        (":state", .state), (":reset", .reset), (":intents", .intents(nil)), (":intents order_status", .intents("order_status")),
        (":kb 运费怎么算", .knowledge("运费怎么算")), (":kb", .knowledge(nil)), (":save a b.yml", .save("a b.yml")),
        (":reload", .reload), (":debug on", .debug(true)), (":debug OFF", .debug(false)), (":debug", .debug(nil)),
        (":debug 1", .badArgument(command: ":debug", expected: "on or off")), (":help", .help), (":quit", .quit), (":q", .quit),
        (":QUIT", .quit), (":why\t退货", .why("退货")), (":xyzzy", .unknown(":xyzzy", suggestion: nil)),
        (":s", .unknown(":s", suggestion: ":state")), (":inten", .unknown(":inten", suggestion: ":intents")),
    ])
    func parses(line: String, command: AgentCommand) {
        #expect(AgentCommand(parsing: line) == command)
    }

    @Test(arguments: ["你好", ":)", ":-(", "：why", ": why", "", "查订单:why"])
    func customerTextIsNoCommand(line: String) {
        #expect(AgentCommand(parsing: line) == nil)
    }

    @Test func completionOffersCommandsAtTheStartOfALine() {
        let vocabulary = CompletionVocabulary(intents: ["order_status", "out_of_scope", "greeting"])
        #expect(vocabulary.matches(for: ":", after: "") == AgentCommand.names.sorted())
        #expect(vocabulary.matches(for: ":re", after: "") == [":reload", ":reset"])
        #expect(vocabulary.matches(for: ":in", after: "") == [":intents"])
        #expect(vocabulary.matches(for: "我", after: "").isEmpty)
    }

    @Test func completionOffersIntentNamesAfterIntentsAndWhy() {
        let vocabulary = CompletionVocabulary(intents: ["order_status", "out_of_scope", "greeting"])
        #expect(vocabulary.matches(for: "o", after: ":intents ") == ["order_status", "out_of_scope"])
        #expect(vocabulary.matches(for: "", after: ":why ") == ["greeting", "order_status", "out_of_scope"])
        #expect(vocabulary.matches(for: "o", after: ":debug ") == ["off", "on"])
        #expect(vocabulary.matches(for: "o", after: ":kb ").isEmpty)
        #expect(vocabulary.matches(for: "o", after: "我想 ").isEmpty)
        #expect(vocabulary.matches(for: "o", after: ":why 我想 ").isEmpty)
    }
}
