/// The features a re-ranker scores a candidate by, computed per query from BM25's candidate list
/// and the neural similarities (flat arrays, `count` numbers a candidate).
///
/// For 「发货要多久」 with candidates 「什么时候发货」 (BM25 7.9 = words 2.3 + characters 5.6, cosine
/// 0.82, translation −2.1) and 「运费怎么算」 (BM25 1.1 = words 0 + characters 1.1, cosine 0.20,
/// translation −4.0) the first candidate's features are 1, 0.82, 1, 1, 0.82, −2.1, then 0.22,
/// 0.4, 0.83 (`LexicalOverlap`), then 1, 1; the second's 0.14, 0.20, 0.5, 0.5, 0.03, −4.0, then
/// 0, 0, 1, then 0, 0.2.
///
/// Only differences between a query's candidates matter to the ranking (a softmax over them), so
/// every feature varies between candidates.
enum RerankerFeatures {
    /// The names, in order, for reports and the model file.
    static let names = ["bm25_relative", "neural", "bm25_reciprocal_rank", "neural_reciprocal_rank", "bm25_relative_x_neural",
                        "translation"] + LexicalOverlap.names + ["word_bm25_relative", "character_bm25_relative"]
    static var count: Int { names.count }

    /// The features of each candidate: BM25 divided by the query's best BM25, the neural
    /// similarity, 1 / BM25 rank, 1 / neural rank, the product of the first two, the translation
    /// score (`TermTranslation`), the three `LexicalOverlap` features, and the words part and the
    /// characters part of BM25 each divided by the best among the candidates. `bm25` is in BM25
    /// order (best first), `scores` parallel to it.
    static func of(bm25: [Float], scores: CandidateScores) -> [Float] {
        let neural = scores.neural, translation = scores.translation, lexical = scores.lexical, fields = scores.fields
        precondition(bm25.count == neural.count, "one neural score per candidate")
        let best = bm25.first ?? 0
        var bestFields: (words: Float, characters: Float) = (0, 0)
        for index in bm25.indices {
            bestFields = (max(bestFields.words, fields[2 * index]), max(bestFields.characters, fields[2 * index + 1]))
        }
        var neuralRanks = [Float](repeating: 0, count: neural.count)
        let byNeural = neural.indices.sorted { neural[$0] != neural[$1] ? neural[$0] > neural[$1] : $0 < $1 }
        for (rank, candidate) in byNeural.enumerated() { neuralRanks[candidate] = Float(rank + 1) }
        var features: [Float] = []
        features.reserveCapacity(bm25.count * count)
        for index in bm25.indices {
            let relative = best > 0 ? bm25[index] / best : 0
            features.append(relative)
            features.append(neural[index])
            features.append(1 / Float(index + 1))
            features.append(1 / neuralRanks[index])
            features.append(relative * neural[index])
            features.append(translation[index])
            features.append(contentsOf: lexical[(index * LexicalOverlap.count)..<((index + 1) * LexicalOverlap.count)])
            features.append(bestFields.words > 0 ? fields[2 * index] / bestFields.words : 0)
            features.append(bestFields.characters > 0 ? fields[2 * index + 1] / bestFields.characters : 0)
        }
        return features
    }
}
