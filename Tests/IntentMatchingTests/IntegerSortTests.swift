@testable import IntentMatching
import Testing

@Suite("Integer sort")
struct IntegerSortTests {
    @Test("sorts like the standard library", arguments: [0, 1, 2, 15, 17, 150, 1000])
    func matchesStandardSort(count: Int) {
        var random = SeededRandom(seed: UInt64(count), stream: 7)
        // Few distinct values too, so equal runs and partitions full of the pivot are covered.
        for range in [UInt64(3), UInt64.max] {
            var values = (0..<count).map { _ in random.next() % range }
            let expected = values.sorted()
            IntegerSort.sort(&values)
            #expect(values == expected)
        }
    }

    @Test("sorted and reversed input") func presorted() {
        var ascending = (0..<500).map { UInt64($0) }
        var descending = Array(ascending.reversed())
        IntegerSort.sort(&ascending)
        IntegerSort.sort(&descending)
        #expect(ascending == (0..<500).map { UInt64($0) })
        #expect(descending == ascending)
    }
}
