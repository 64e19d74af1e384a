/// The best items of a search so far (each with its score and best question), kept in a binary
/// heap whose top is the worst of them: higher score first, then the lower item number, so results
/// are deterministic.
/// - Complexity: O(log k) per item that enters; O(1) for one that does not.
struct TopItems {
    private(set) var capacity = 0
    private var items: [Int32] = []
    private var scores: [Float] = []
    private var questions: [Int32] = []

    /// Empties the heap for a search that keeps `capacity` items.
    mutating func reset(capacity: Int) {
        self.capacity = capacity
        items.removeAll(keepingCapacity: true)
        scores.removeAll(keepingCapacity: true)
        questions.removeAll(keepingCapacity: true)
    }

    /// Whether (score a, item a) ranks below (score b, item b).
    @inline(__always)
    private static func worse(_ a: Float, _ itemA: Int32, than b: Float, _ itemB: Int32) -> Bool {
        a < b || (a == b && itemA > itemB)
    }

    /// Offers an item; it stays if it is among the `capacity` best so far.
    @inline(__always)
    mutating func offer(_ item: Int32, score: Float, question: Int32) {
        if items.count < capacity {
            items.append(item)
            scores.append(score)
            questions.append(question)
            siftUp(items.count - 1)
        } else if capacity > 0, Self.worse(scores[0], items[0], than: score, item) {
            items[0] = item
            scores[0] = score
            questions[0] = question
            siftDown(0)
        }
    }

    /// The kept items, best first.
    func sortedBestFirst() -> [(item: Int32, score: Float, question: Int32)] {
        (0..<items.count).map { (items[$0], scores[$0], questions[$0]) }
            .sorted { Self.worse($1.1, $1.0, than: $0.1, $0.0) }
    }

    private mutating func swapAt(_ a: Int, _ b: Int) {
        items.swapAt(a, b)
        scores.swapAt(a, b)
        questions.swapAt(a, b)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.worse(scores[child], items[child], than: scores[parent], items[parent]) else { return }
            swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var worst = parent
            let left = 2 * parent + 1, right = left + 1
            if left < items.count, Self.worse(scores[left], items[left], than: scores[worst], items[worst]) { worst = left }
            if right < items.count, Self.worse(scores[right], items[right], than: scores[worst], items[worst]) { worst = right }
            if worst == parent { return }
            swapAt(parent, worst)
            parent = worst
        }
    }
}
