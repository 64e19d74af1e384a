/// The scratch memory of one search: a score accumulator per indexed question, the best-items
/// heap and the segmenter's workspace. Each caller owns one and reuses it, so a search allocates
/// only its result once the arrays have grown. The accumulators are back at zero between searches.
public struct RetrievalWorkspace {
    var terms = TermWorkspace()
    /// Per question: the query's BM25 score so far.
    var questionScores: [Float] = []
    var best = TopItems()

    public init() {}

    /// Grows the accumulator to an index's size.
    mutating func prepare(questionCount: Int) {
        if questionScores.count < questionCount {
            questionScores = [Float](repeating: 0, count: questionCount)
        }
    }
}
