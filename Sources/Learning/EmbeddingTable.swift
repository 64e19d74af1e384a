/// Vectors for words and for hashed character n-grams, fastText style: a token's vector is the
/// mean of its word row (if the word is in the vocabulary) and the rows of the buckets its
/// character n-grams hash to, so unseen words still get a vector from their characters.
///
/// Rows `0..<wordCount` are words (the caller numbers its vocabulary); rows
/// `wordCount..<wordCount + bucketCount` are n-gram buckets. For 「发货」 with n-gram lengths
/// 1...2 the n-grams are 「<发」「发」「发货」「货」「货>」 (`<` and `>` mark the word's ends).
///
/// The gradient of a step is sparse (`SparseRowGradient`): only the rows the batch used.
public struct EmbeddingTable: ParameterTensors, Equatable {
    /// The number of word rows.
    public let wordCount: Int
    /// The number of n-gram bucket rows.
    public let bucketCount: Int
    /// The lengths of character n-grams hashed into buckets (counting the end markers).
    public let ngramLengths: ClosedRange<Int>
    /// The table: `(wordCount + bucketCount) × dimension`.
    public var weights: Matrix

    public static var tensorPaths: [TensorPath<Self>] { [TensorPath("weights", \.weights)] }

    /// The width of a vector.
    public var dimension: Int { weights.columns }

    /// A table with uniform random rows in ±√(3 / dimension) (each row about unit length).
    public init(wordCount: Int, bucketCount: Int, dimension: Int, ngramLengths: ClosedRange<Int> = 1...2,
                random: inout SeededRandom) {
        let limit = (3 / Float(max(dimension, 1))).squareRoot()
        self.init(wordCount: wordCount, bucketCount: bucketCount, ngramLengths: ngramLengths,
                  weights: .uniform(rows: wordCount + bucketCount, columns: dimension, limit: limit, random: &random))
    }

    /// A table over given weights (`wordCount + bucketCount` rows), e.g. read from a model file.
    public init(wordCount: Int, bucketCount: Int, ngramLengths: ClosedRange<Int>, weights: Matrix) {
        precondition(weights.rows == wordCount + bucketCount, "\(weights) does not hold \(wordCount) words and \(bucketCount) buckets")
        precondition(ngramLengths.lowerBound >= 1, "n-grams have at least one character")
        self.wordCount = wordCount
        self.bucketCount = bucketCount
        self.ngramLengths = ngramLengths
        self.weights = weights
    }

    /// Appends to `tokens` a token whose vector averages word row `word` (nil: out of
    /// vocabulary) and the buckets of the character n-grams of `scalars`.
    ///
    /// ```swift
    /// var query = TokenRows()
    /// table.appendToken(word: vocabulary["发货"], scalars: "发货".unicodeScalars, to: &query)
    /// ```
    public func appendToken(word: Int?, scalars: some Sequence<Unicode.Scalar>, to tokens: inout TokenRows) {
        var rows: [Int32] = []
        if let word {
            precondition(word >= 0 && word < wordCount, "word row \(word) is outside 0..<\(wordCount)")
            rows.append(Int32(word))
        }
        appendBuckets(of: scalars, to: &rows)
        tokens.append(token: rows)
    }

    /// Appends the bucket rows of the character n-grams of `scalars` (with end markers).
    ///
    /// - Complexity: O(characters × longest n-gram).
    public func appendBuckets(of scalars: some Sequence<Unicode.Scalar>, to rows: inout [Int32]) {
        guard bucketCount > 0 else { return }
        // Markers lie outside Unicode, so they never collide with a character.
        let marked: [UInt32] = [0x11_0000] + scalars.map(\.value) + [0x11_0001]
        guard marked.count > 2 else { return }
        for start in marked.indices {
            for length in ngramLengths where start + length <= marked.count {
                if length == 1 && (start == 0 || start == marked.count - 1) { continue }
                var hash = StableHash()
                for index in start..<(start + length) { hash.combine(marked[index]) }
                rows.append(Int32(wordCount + Int(hash.value % UInt64(bucketCount))))
            }
        }
    }

    /// The vectors of a sequence: `tokens.count × dimension`, row `t` the mean of token `t`'s rows.
    public func forward(_ tokens: TokenRows) -> Matrix {
        let width = dimension
        var output = Matrix(rows: tokens.count, columns: width)
        weights.values.withUnsafeBufferPointer { table in
            output.values.withUnsafeMutableBufferPointer { out in
                for token in 0..<tokens.count {
                    let rows = tokens.rows(of: token)
                    guard !rows.isEmpty else { continue }
                    let target = UnsafeMutableBufferPointer(rebasing: out[(token * width)..<((token + 1) * width)])
                    for row in rows {
                        VectorMath.add(UnsafeBufferPointer(rebasing: table[(Int(row) * width)..<((Int(row) + 1) * width)]), target)
                    }
                    VectorMath.scale(target, by: 1 / Float(rows.count))
                }
            }
        }
        return output
    }

    /// Adds to `gradient` the table gradient given the gradient of `forward(tokens)`'s output.
    public func backward(_ tokens: TokenRows, outputGradient: Matrix, into gradient: inout SparseRowGradient) {
        precondition(outputGradient.rows == tokens.count && outputGradient.columns == dimension,
                     "an output gradient \(outputGradient) for \(tokens.count) tokens of width \(dimension)")
        let width = dimension
        outputGradient.values.withUnsafeBufferPointer { upstream in
            for token in 0..<tokens.count {
                let rows = tokens.rows(of: token)
                guard !rows.isEmpty else { continue }
                let source = UnsafeBufferPointer(rebasing: upstream[(token * width)..<((token + 1) * width)])
                let share = 1 / Float(rows.count)
                for row in rows { gradient.add(share, source, toRow: Int(row)) }
            }
        }
    }
}
