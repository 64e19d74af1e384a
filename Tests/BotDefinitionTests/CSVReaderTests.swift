import BotDefinition
import Testing

@Suite("CSV reader") struct CSVReaderTests {
    private func fields(_ text: String) throws -> [[String]] {
        try CSVReader.records(in: Array(text.utf8)).map(\.fields)
    }

    @Test func plainRows() throws {
        #expect(try fields("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
    }
}
