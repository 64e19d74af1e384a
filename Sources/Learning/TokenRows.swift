/// A sequence of tokens, each given as the embedding-table rows whose mean is its vector
/// (its word row, if known, and the buckets of its character n-grams). Computed once per text
/// (see `EmbeddingTable.appendToken`) and reused for every training step.
///
/// Storage is flat: `rows` holds every token's rows back to back, `offsets[t]..<offsets[t+1]`
/// are token `t`'s.
public struct TokenRows: Sendable, Equatable {
    /// Every token's table rows, back to back.
    public private(set) var rows: [Int32] = []
    /// Where each token's rows start, plus the end: `count + 1` entries.
    public private(set) var offsets: [Int32] = [0]

    /// An empty sequence.
    public init() {}

    /// A sequence whose token `t` is the mean of the rows `tokens[t]`.
    public init(_ tokens: [[Int32]]) {
        for token in tokens { append(token: token) }
    }

    /// The number of tokens.
    public var count: Int { offsets.count - 1 }

    /// The table rows of token `index`.
    public func rows(of index: Int) -> ArraySlice<Int32> { rows[Int(offsets[index])..<Int(offsets[index + 1])] }

    /// Appends a token made of `tokenRows` (an empty list gives a zero vector).
    public mutating func append(token tokenRows: some Sequence<Int32>) {
        rows.append(contentsOf: tokenRows)
        offsets.append(Int32(rows.count))
    }

    /// Keeps the first `count` tokens (for a length limit).
    public mutating func truncate(to count: Int) {
        guard count < self.count else { return }
        offsets.removeSubrange((count + 1)...)
        rows.removeSubrange(Int(offsets[count])...)
    }
}
