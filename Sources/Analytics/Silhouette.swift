/// Silhouette widths with cosine distance: for each line, how much closer it is to its own
/// cluster than to the nearest other one, from −1 (misplaced) through 0 (on a border) to 1 (well
/// placed). Their mean picks the number of clusters.
///
/// - Complexity: O(lines² × nonzeros) for the similarity matrix, computed once per line set
///   and reused for every k.
struct Silhouette {
    /// Pairwise cosine similarities, row-major.
    let similarity: [Float]
    let count: Int

    init(_ vectors: [SparseVector]) {
        count = vectors.count
        var matrix = [Float](repeating: 0, count: count * count)
        for i in 0..<count {
            matrix[i * count + i] = 1
            for j in (i + 1)..<max(i + 1, count) {
                let value = vectors[i].dot(vectors[j])
                matrix[i * count + j] = value
                matrix[j * count + i] = value
            }
        }
        similarity = matrix
    }

    /// Each line's silhouette width under `assignments` (0 for a line alone in its cluster).
    func widths(_ assignments: [Int], k: Int) -> [Float] {
        var sizes = [Int](repeating: 0, count: k)
        for cluster in assignments { sizes[cluster] += 1 }
        var result = [Float](repeating: 0, count: count)
        var distanceSums = [Float](repeating: 0, count: k)
        for i in 0..<count {
            for cluster in 0..<k { distanceSums[cluster] = 0 }
            for j in 0..<count where j != i { distanceSums[assignments[j]] += 1 - similarity[i * count + j] }
            let own = assignments[i]
            guard sizes[own] > 1 else { continue }
            let a = distanceSums[own] / Float(sizes[own] - 1)
            var b = Float.infinity
            for cluster in 0..<k where cluster != own && sizes[cluster] > 0 { b = min(b, distanceSums[cluster] / Float(sizes[cluster])) }
            guard b.isFinite else { continue }
            let larger = max(a, b)
            result[i] = larger > 0 ? (b - a) / larger : 0
        }
        return result
    }
}
