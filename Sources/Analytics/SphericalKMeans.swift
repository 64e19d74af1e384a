import Learning

/// K-means on the unit sphere (cosine similarity): each line goes to the centroid it is most
/// similar to, each centroid is its lines' normalised mean. Seeded k-means++ starts, several
/// restarts, the one with the highest total similarity kept, so the same lines always give the
/// same clusters.
///
/// - Complexity: O(restarts × iterations × lines × k × nonzeros per line) for the
///   assignments, O(lines × nonzeros) per centroid update.
struct SphericalKMeans {
    /// The result of one fit.
    struct Fit {
        /// The cluster of each line.
        var assignments: [Int]
        /// Unit-length centroids, dense over the features.
        var centroids: [[Float]]
        /// Each line's similarity to its centroid.
        var similarities: [Float]
        /// The sum of `similarities` (higher is tighter).
        var cohesion: Float
    }

    var k: Int
    var seed: UInt64
    var restarts = 6
    var maxIterations = 50

    /// The best of `restarts` fits of `vectors` (unit length, non-zero) over `dimension` features.
    func fit(_ vectors: [SparseVector], dimension: Int) -> Fit {
        precondition(k >= 1 && k <= vectors.count, "k must be between 1 and the number of lines")
        var best: Fit? = nil
        for restart in 0..<restarts {
            var random = SeededRandom(seed: seed, stream: UInt64(restart))
            let fit = refine(vectors, centroids: seeds(vectors, dimension: dimension, random: &random), dimension: dimension)
            if best.map({ fit.cohesion > $0.cohesion }) ?? true { best = fit }
        }
        // `restarts` is at least one, so there is a best.
        return best ?? refine(vectors, centroids: [], dimension: dimension)
    }

    /// k-means++: the first centroid a random line, each next one a line drawn with probability
    /// proportional to its squared cosine distance from the nearest centroid so far.
    func seeds(_ vectors: [SparseVector], dimension: Int, random: inout SeededRandom) -> [[Float]] {
        var chosen = [Int.random(in: 0..<vectors.count, using: &random)]
        var nearest = vectors.map { 1 - $0.dot(vectors[chosen[0]]) }
        while chosen.count < k {
            let weights = nearest.map { max(0, $0) * max(0, $0) }
            let total = weights.reduce(0, +)
            var pick: Int
            if total <= 0 {
                pick = (0..<vectors.count).first { !chosen.contains($0) } ?? 0
            } else {
                var target = Float.random(in: 0..<total, using: &random)
                pick = vectors.count - 1
                for (index, weight) in weights.enumerated() {
                    if target < weight { pick = index; break }
                    target -= weight
                }
            }
            chosen.append(pick)
            for index in vectors.indices { nearest[index] = min(nearest[index], 1 - vectors[index].dot(vectors[pick])) }
        }
        return chosen.map { dense(vectors[$0], dimension: dimension) }
    }

    /// Lloyd's iterations from `centroids` until no line moves.
    func refine(_ vectors: [SparseVector], centroids start: [[Float]], dimension: Int) -> Fit {
        var centroids = start
        var assignments = [Int](repeating: -1, count: vectors.count)
        var similarities = [Float](repeating: 0, count: vectors.count)
        for _ in 0..<maxIterations {
            var moved = false
            for (index, vector) in vectors.enumerated() {
                var bestCluster = 0, bestSimilarity = -Float.infinity
                for (cluster, centroid) in centroids.enumerated() {
                    let similarity = vector.dot(centroid)
                    if similarity > bestSimilarity { bestSimilarity = similarity; bestCluster = cluster }
                }
                if assignments[index] != bestCluster { moved = true; assignments[index] = bestCluster }
                similarities[index] = bestSimilarity
            }
            if !moved { break }
            centroids = Self.centroids(of: vectors, assignments: assignments, k: centroids.count, dimension: dimension,
                                       previous: centroids, similarities: similarities)
        }
        return Fit(assignments: assignments, centroids: centroids, similarities: similarities, cohesion: similarities.reduce(0, +))
    }

    /// Each cluster's normalised mean; an empty cluster takes the line farthest from its own centroid.
    static func centroids(of vectors: [SparseVector], assignments: [Int], k: Int, dimension: Int,
                          previous: [[Float]], similarities: [Float]) -> [[Float]] {
        var sums = [[Float]](repeating: [Float](repeating: 0, count: dimension), count: k)
        var sizes = [Int](repeating: 0, count: k)
        for (vector, cluster) in zip(vectors, assignments) {
            sizes[cluster] += 1
            for (index, value) in zip(vector.indices, vector.values) { sums[cluster][Int(index)] += value }
        }
        var taken = Set<Int>()
        for cluster in 0..<k where sizes[cluster] == 0 {
            let farthest = vectors.indices.filter { !taken.contains($0) }.min { similarities[$0] < similarities[$1] }
            guard let farthest else { sums[cluster] = previous[cluster]; continue }
            taken.insert(farthest)
            for (index, value) in zip(vectors[farthest].indices, vectors[farthest].values) { sums[cluster][Int(index)] = value }
        }
        return sums.map(normalised)
    }

    func dense(_ vector: SparseVector, dimension: Int) -> [Float] {
        var result = [Float](repeating: 0, count: dimension)
        for (index, value) in zip(vector.indices, vector.values) { result[Int(index)] = value }
        return result
    }
}

/// `vector` scaled to unit length (unchanged when zero).
func normalised(_ vector: [Float]) -> [Float] {
    let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return norm > 0 ? vector.map { $0 / norm } : vector
}
