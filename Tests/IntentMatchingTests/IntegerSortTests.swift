@testable import IntentMatching
import Testing

@Suite("Integer sort")
struct IntegerSortTests {
    @Test("sorts by the high half like a stable sort", arguments: [0, 1, 2, 150, 1000])
    func matchesStableSort(count: Int) {
        var random = SeededRandom(seed: UInt64(count), stream: 7)
        // Few distinct high halves too, so ties (kept in input order) are common.
        for range in [UInt64(3), UInt64(1) << 32] {
            var values = (0..<count).map { UInt64($0) | (random.next() % range) << 32 }
            let expected = values.enumerated().sorted { ($0.element >> 32, $0.offset) < ($1.element >> 32, $1.offset) }.map(\.element)
            IntegerSort.sortByHighHalf(&values)
            #expect(values == expected)
        }
    }

    @Test("the ranking key orders probabilities high to low, ties by label") func rankingKeys() {
        let probabilities: [Float] = [0.1, 0.7, 0.1, 0, 0.1]
        var keys = probabilities.enumerated().map { UInt64(~$0.element.bitPattern) << 32 | UInt64($0.offset) }
        IntegerSort.sortByHighHalf(&keys)
        #expect(keys.map { $0 & 0xFFFF_FFFF } == [1, 0, 2, 4, 3])
    }
}
