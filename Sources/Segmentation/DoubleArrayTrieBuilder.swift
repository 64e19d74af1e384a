/// Builds the arrays of a `DoubleArrayTrie` from words given as code sequences.
///
/// - Complexity: O(total codes × placement search); the jieba dictionary (349k words) builds in
///   about a second in a release build.
struct DoubleArrayTrieBuilder {
    /// A word as character codes (each ≥ 1 and < 0xFFFF) and the log of its frequency.
    struct Entry {
        var codes: [UInt16]
        var logFrequency: Float
    }

    private(set) var base: [Int32] = []
    private(set) var check: [UInt16] = []
    private(set) var logFrequency: [Float] = []
    private var isBase: [Bool] = []
    /// Free cells form a doubly linked list, so the search for a base visits only free cells.
    private var nextFree: [Int32] = []
    private var previousFree: [Int32] = []
    private var firstFree: Int32 = -1
    private var lastFree: Int32 = -1

    /// Builds the trie for `entries`, which must be sorted by codes and free of duplicates.
    init(sortedEntries entries: [Entry]) {
        grow(to: max(1024, entries.count * 2))
        occupy(0, label: DoubleArrayTrie.freeCheck - 1)   // the root: no label reaches it
        insertChildren(of: 0, entries: entries, range: 0..<entries.count, depth: 0)
        let size = (check.lastIndex { $0 != DoubleArrayTrie.freeCheck } ?? 0) + 1
        base.removeLast(base.count - size)
        check.removeLast(check.count - size)
        logFrequency.removeLast(logFrequency.count - size)
        check[0] = DoubleArrayTrie.freeCheck
    }

    private mutating func grow(to capacity: Int) {
        let oldCount = base.count
        let extra = capacity - oldCount
        guard extra > 0 else { return }
        base += repeatElement(DoubleArrayTrie.leafBase, count: extra)
        check += repeatElement(DoubleArrayTrie.freeCheck, count: extra)
        logFrequency += repeatElement(-1, count: extra)
        isBase += repeatElement(false, count: extra)
        nextFree += repeatElement(-1, count: extra)
        previousFree += repeatElement(-1, count: extra)
        for cell in oldCount..<capacity {
            previousFree[cell] = lastFree
            if lastFree >= 0 { nextFree[Int(lastFree)] = Int32(cell) } else { firstFree = Int32(cell) }
            lastFree = Int32(cell)
        }
    }

    private mutating func occupy(_ cell: Int, label: UInt16) {
        check[cell] = label
        let previous = previousFree[cell], next = nextFree[cell]
        if previous >= 0 { nextFree[Int(previous)] = next } else { firstFree = next }
        if next >= 0 { previousFree[Int(next)] = previous } else { lastFree = previous }
    }

    /// Places the children of `state`: the distinct codes at `depth` of the entries in `range`,
    /// which all share the path to `state`. An entry exactly `depth` long is the word at `state`.
    private mutating func insertChildren(of state: Int, entries: [Entry], range: Range<Int>, depth: Int) {
        var groups: [(code: UInt16, range: Range<Int>)] = []
        var index = range.lowerBound
        if index < range.upperBound, entries[index].codes.count == depth {
            logFrequency[state] = entries[index].logFrequency
            index += 1
        }
        while index < range.upperBound {
            let code = entries[index].codes[depth]
            var end = index + 1
            while end < range.upperBound, entries[end].codes[depth] == code { end += 1 }
            groups.append((code, index..<end))
            index = end
        }
        guard !groups.isEmpty else { return }
        let begin = findBase(for: groups.map(\.code))
        base[state] = Int32(begin)
        isBase[begin] = true
        for group in groups { occupy(begin + Int(group.code), label: group.code) }
        for group in groups {
            insertChildren(of: begin + Int(group.code), entries: entries, range: group.range, depth: depth + 1)
        }
    }

    /// The first unused base at which every code lands on a free cell.
    private mutating func findBase(for codes: [UInt16]) -> Int {
        let first = Int(codes[0])
        var cell = firstFree
        while true {
            if cell < 0 || Int(cell) + 0xFFFF >= check.count {
                let resume = base.count
                grow(to: check.count * 2)
                if cell < 0 { cell = Int32(resume) }
            }
            let begin = Int(cell) - first
            if begin >= 0, !isBase[begin], codes.allSatisfy({ check[begin + Int($0)] == DoubleArrayTrie.freeCheck }) {
                return begin
            }
            cell = nextFree[Int(cell)]
        }
    }
}
