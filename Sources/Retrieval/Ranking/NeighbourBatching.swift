import Learning
import Segmentation

/// Orders training pairs so that pairs about nearly the same thing share a batch, which makes the
/// in-batch negatives hard ones: after a pair comes the pairs whose second sentence BM25 ranks
/// highest for its first sentence (「花呗怎么还款」/「花呗如何还钱」 is followed by
/// 「花呗还款日是哪天」/「花呗几号还款」 rather than by a random pair about something else).
struct NeighbourBatching: Sendable {
    /// For each pair, the pairs whose second sentence is nearest its first, nearest first.
    let neighbours: [[Int32]]
    /// Pairs in a cluster: the seed pair and up to `clusterSize − 1` neighbours.
    let clusterSize: Int

    /// Finds each pair's `clusterSize − 1` nearest pairs by BM25 (on `chunks` threads).
    init(firsts: [String], seconds: [String], segmenter: Segmenter, clusterSize: Int, chunks: Int) {
        self.clusterSize = clusterSize
        let entries = seconds.enumerated().map { KnowledgeBaseEntry(id: String($0.offset), questions: [$0.element]) }
        guard clusterSize > 1, let index = try? KnowledgeBaseIndex(entries: entries, segmenter: segmenter) else {
            neighbours = Array(repeating: [], count: firsts.count)
            return
        }
        let ranges = ParallelChunks.ranges(count: firsts.count, chunks: chunks)
        neighbours = ParallelChunks.map(ranges.count) { chunk in
            var workspace = RetrievalWorkspace()
            return ranges[chunk].map { pair in
                index.topK(firsts[pair], k: clusterSize, in: &workspace).compactMap(\.entryIndex)
                    .filter { $0 != pair }.prefix(clusterSize - 1).map(Int32.init)
            }
        }.flatMap { $0 }
    }

    /// `shuffled` (every pair once) regrouped: each pair not yet placed, then its neighbours not
    /// yet placed.
    func order(_ shuffled: [Int]) -> [Int] {
        var placed = [Bool](repeating: false, count: neighbours.count)
        var order: [Int] = []
        order.reserveCapacity(shuffled.count)
        for seed in shuffled where !placed[seed] {
            placed[seed] = true
            order.append(seed)
            for neighbour in neighbours[seed] where !placed[Int(neighbour)] {
                placed[Int(neighbour)] = true
                order.append(Int(neighbour))
            }
        }
        return order
    }
}
