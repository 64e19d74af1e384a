/// The scratch memory of one search: score accumulators sized to the index, the lists of what
/// a query touched, and the segmenter's workspace. Each caller owns one and reuses it, so a search
/// allocates only its result once the arrays have grown. All accumulators are back at zero
/// between searches.
public struct RetrievalWorkspace {
    var terms = TermWorkspace()
    /// Per question: the query's BM25 score so far.
    var questionScores: [Float] = []
    var touchedQuestions: [Int32] = []
    /// Per ranked item (entry or distractor): its best question's score and that question.
    var itemScores: [Float] = []
    var itemQuestions: [Int32] = []
    var touchedItems: [Int32] = []
    /// The best items so far, as a heap with the worst at the top.
    var heap: [Int32] = []

    public init() {}

    /// Grows the accumulators to an index's size.
    mutating func prepare(questionCount: Int, itemCount: Int) {
        if questionScores.count < questionCount {
            questionScores = [Float](repeating: 0, count: questionCount)
        }
        if itemScores.count < itemCount {
            itemScores = [Float](repeating: 0, count: itemCount)
            itemQuestions = [Int32](repeating: 0, count: itemCount)
        }
    }
}
