/// Spreads each line's features to the lines most like it, over a fixed nearest-neighbour graph:
/// v⁽ᵗ⁺¹⁾ = v⁽⁰⁾ + α · Σ sim(i, j) · v_j⁽ᵗ⁾ over i's nearest neighbours j, normalised, for a few
/// rounds. Two rounds carry a word two lines away, which is how a pure English line finds its
/// Chinese topic through a mixed one: `how do I redeem my points` → 「会员卡points怎么兑」 →
/// 「会员卡积分怎么用啊」, so the English line picks up 会员卡 and then 积分.
///
/// - Complexity: O(lines² × nonzeros) for the neighbour graph, then O(rounds × lines ×
///   neighbours × nonzeros).
struct NeighbourSmoothing {
    /// Neighbours per line.
    var neighbours = 5
    /// Neighbours less similar than this are not linked.
    var minSimilarity: Float = 0.1
    /// How much the neighbours weigh against the line itself.
    var weight: Float = 0.5
    var rounds = 2

    func smooth(_ vectors: [SparseVector]) -> [SparseVector] {
        guard rounds > 0, vectors.count > 1 else { return vectors }
        let graph = nearest(vectors)
        var current = vectors
        for _ in 0..<rounds {
            current = vectors.indices.map { index in
                var sum: [Int32: Float] = [:]
                for (position, feature) in vectors[index].indices.enumerated() { sum[feature, default: 0] += vectors[index].values[position] }
                for (neighbour, similarity) in graph[index] {
                    let vector = current[neighbour]
                    for (position, feature) in vector.indices.enumerated() {
                        sum[feature, default: 0] += weight * similarity * vector.values[position]
                    }
                }
                let entries = sum.sorted { $0.key < $1.key }
                let norm = entries.reduce(Float(0)) { $0 + $1.value * $1.value }.squareRoot()
                guard norm > 0 else { return .zero }
                return SparseVector(indices: entries.map(\.key), values: entries.map { $0.value / norm })
            }
        }
        return current
    }

    /// Each line's most similar other lines (at least `minSimilarity`), with their similarities.
    func nearest(_ vectors: [SparseVector]) -> [[(Int, Float)]] {
        vectors.indices.map { index in
            var candidates: [(Int, Float)] = []
            for other in vectors.indices where other != index {
                let similarity = vectors[index].dot(vectors[other])
                if similarity >= minSimilarity { candidates.append((other, similarity)) }
            }
            candidates.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            return Array(candidates.prefix(neighbours))
        }
    }
}
