/// Softmax cross-entropy over in-batch negatives (InfoNCE, the "multiple negatives ranking
/// loss"): in a batch of (query, positive) pairs, each query must pick its own positive out of
/// every positive in the batch.
///
/// `S[i][j] = sim(qᵢ, pⱼ) / temperature`; the loss is the mean over queries of
/// `logsumexp_j S[i][j] − S[i][i]` (and, when `symmetric`, the same over columns, averaged).
/// Pairs in the same `group` (e.g. two paraphrases of one FAQ entry in a batch) are not each
/// other's negatives: they are left out of the denominators.
public struct InBatchSoftmaxLoss: Sendable, Equatable {
    /// How a query is compared with a positive.
    public enum Similarity: Sendable, Equatable {
        /// Cosine of the two encodings (scores in [-1, 1] before the temperature).
        case cosine
        /// The plain dot product.
        case dot
    }

    /// Divides the similarities; small values (0.05) sharpen the softmax.
    public var temperature: Float
    /// Cosine or dot.
    public var similarity: Similarity
    /// Whether positives must also pick their query (the loss averaged over both directions).
    public var symmetric: Bool

    public init(temperature: Float = 0.05, similarity: Similarity = .cosine, symmetric: Bool = false) {
        precondition(temperature > 0, "the temperature must be positive")
        self.temperature = temperature
        self.similarity = similarity
        self.symmetric = symmetric
    }

    /// The loss and its gradients.
    public struct Result: Sendable {
        /// The mean loss.
        public var loss: Float
        /// `batch × batch`: `S[i][j]` before the temperature (similarities).
        public var similarities: Matrix
        /// The gradient for each query encoding (`batch × width`).
        public var queryGradients: Matrix
        /// The gradient for each positive encoding (`batch × width`).
        public var positiveGradients: Matrix
    }

    /// Evaluates the loss for `queries` and `positives` (`batch × width` each, row i a pair);
    /// `groups[i]`, when given, names pair i's group.
    public func evaluate(queries: Matrix, positives: Matrix, groups: [Int]? = nil) -> Result {
        precondition(queries.rows == positives.rows && queries.columns == positives.columns,
                     "queries \(queries) and positives \(positives) differ in shape")
        precondition(groups == nil || groups?.count == queries.rows, "one group per pair")
        let batch = queries.rows
        let (q, queryLengths) = prepared(queries), (p, positiveLengths) = prepared(positives)
        var similarities = Matrix(rows: batch, columns: batch)
        for i in 0..<batch {
            for j in 0..<batch { similarities[i, j] = VectorMath.dot(q[i], p[j]) }
        }
        var scoreGradients = Matrix(rows: batch, columns: batch)
        let directions: Float = symmetric ? 2 : 1
        var loss: Float = 0
        for transposed in symmetric ? [false, true] : [false] {
            for i in 0..<batch {
                var logits: [Float] = [], columns: [Int] = []
                for j in 0..<batch where j == i || groups == nil || groups?[j] != groups?[i] {
                    logits.append((transposed ? similarities[j, i] : similarities[i, j]) / temperature)
                    columns.append(j)
                }
                let diagonal = columns.firstIndex(of: i) ?? 0
                loss += Activation.logSumExp(logits) - logits[diagonal]
                let probabilities = Activation.softmax(logits)
                for (k, j) in columns.enumerated() {
                    let d = (probabilities[k] - (k == diagonal ? 1 : 0)) / (Float(batch) * directions * temperature)
                    if transposed { scoreGradients[j, i] += d } else { scoreGradients[i, j] += d }
                }
            }
        }
        var queryGradients = Matrix(zerosLike: queries), positiveGradients = Matrix(zerosLike: positives)
        let width = queries.columns
        for i in 0..<batch {
            var dq = [Float](repeating: 0, count: width), dp = [Float](repeating: 0, count: width)
            for j in 0..<batch {
                VectorMath.axpy(scoreGradients[i, j], p[j], &dq)
                VectorMath.axpy(scoreGradients[j, i], q[j], &dp)
            }
            if similarity == .cosine {
                dq = CosineSimilarity.normalizationBackward(unit: q[i], length: queryLengths[i], gradient: dq)
                dp = CosineSimilarity.normalizationBackward(unit: p[i], length: positiveLengths[i], gradient: dp)
            }
            for column in 0..<width {
                queryGradients[i, column] = dq[column]
                positiveGradients[i, column] = dp[column]
            }
        }
        return Result(loss: loss / (Float(batch) * directions), similarities: similarities,
                      queryGradients: queryGradients, positiveGradients: positiveGradients)
    }

    /// The rows as vectors, unit length for cosine, with their lengths.
    private func prepared(_ matrix: Matrix) -> ([[Float]], [Float]) {
        (0..<matrix.rows).reduce(into: ([[Float]](), [Float]())) { result, row in
            let vector = matrix.row(row)
            if similarity == .cosine {
                let (unit, length) = CosineSimilarity.normalized(vector)
                result.0.append(unit)
                result.1.append(length)
            } else {
                result.0.append(vector)
                result.1.append(1)
            }
        }
    }
}
