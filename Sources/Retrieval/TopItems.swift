/// The `capacity` best items seen so far, kept in a binary heap whose top is the worst of them:
/// higher score first, then the lower item number (so results are deterministic).
/// - Complexity: O(log capacity) per offer.
struct TopItems {
    let capacity: Int
    private(set) var storage: [Int32]
    private var scores: [Float] = []

    init(capacity: Int, storage: [Int32]) {
        self.capacity = capacity
        self.storage = storage
        self.storage.removeAll(keepingCapacity: true)
        scores.reserveCapacity(capacity)
    }

    /// Whether (score a, item a) ranks below (score b, item b).
    @inline(__always)
    private static func worse(_ a: Float, _ itemA: Int32, than b: Float, _ itemB: Int32) -> Bool {
        a < b || (a == b && itemA > itemB)
    }

    mutating func offer(_ item: Int32, score: Float) {
        if storage.count < capacity {
            storage.append(item)
            scores.append(score)
            siftUp(storage.count - 1)
        } else if Self.worse(scores[0], storage[0], than: score, item) {
            storage[0] = item
            scores[0] = score
            siftDown(0)
        }
    }

    /// The items, best first.
    func sortedBestFirst(scores itemScores: [Float]) -> [Int32] {
        storage.sorted { Self.worse(itemScores[Int($1)], $1, than: itemScores[Int($0)], $0) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.worse(scores[child], storage[child], than: scores[parent], storage[parent]) else { return }
            storage.swapAt(child, parent)
            scores.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var worst = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < storage.count
                && Self.worse(scores[child], storage[child], than: scores[worst], storage[worst]) {
                worst = child
            }
            if worst == parent { return }
            storage.swapAt(parent, worst)
            scores.swapAt(parent, worst)
            parent = worst
        }
    }
}
