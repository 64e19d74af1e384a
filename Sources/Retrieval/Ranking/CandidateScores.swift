/// What a re-ranker measures for each of a query's candidates before weighing it: flat arrays
/// parallel to the candidate list.
///
/// For 「发货要多久」 and the candidate 「什么时候发货」: neural 0.82, translation −2.1, lexical
/// (Dice 0.22, common substring 0.4, length 0.83), fields (words 2.3, characters 5.6).
struct CandidateScores {
    /// Cosine of the query's and the candidate's best question's encodings.
    var neural: [Float]
    /// `TermTranslation` log-probability of the query given the candidate's best question.
    var translation: [Float]
    /// `LexicalOverlap.count` numbers a candidate.
    var lexical: [Float]
    /// Two numbers a candidate: the words part and the characters part of its BM25 score.
    var fields: [Float]
}
