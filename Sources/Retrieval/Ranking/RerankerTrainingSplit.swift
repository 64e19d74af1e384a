import Learning

/// The training data of a re-ranker cut into what trains the encoder and what is held out to fit
/// the score weights and the confidence.
///
/// Encoder pairs: every two neighbouring questions of an entry (「什么时候发货」/「多久能发货」, a
/// group per entry, so paraphrases of one entry are never each other's negatives) and the
/// same-meaning external pairs. Held out: one question of some entries with several (a query
/// whose entry keeps its other questions) and a share of the external pairs (the second
/// sentences become entries, the first ones queries; a different-meaning pair's query has no
/// right answer).
struct RerankerTrainingSplit {
    /// A text pair for the encoder, with its group.
    struct Pair {
        var first: String
        var second: String
        var group: Int
    }

    /// A held-out query: its text and the entry of the calibration knowledge base that answers it (nil: none does).
    struct HeldOutQuery {
        var text: String
        var answer: Int?
    }

    var encoderPairs: [Pair] = []
    /// Different-meaning external pairs kept for training (hard negatives of each other).
    var contrastPairs: [(String, String)] = []
    /// The calibration knowledge base: the entries minus held-out questions, then one entry per
    /// held-out second sentence.
    var calibrationEntries: [KnowledgeBaseEntry] = []
    var heldOutQueries: [HeldOutQuery] = []

    /// - Parameter unanswerable: lines no entry answers (a bot's small talk, its form intents'
    ///   examples): held-out queries with no right entry, so the confidence learns to refuse them.
    init(entries: [KnowledgeBaseEntry], pairs: [QuestionPair], unanswerable: [String] = [], heldOutShare: Double, seed: UInt64) {
        var random = SeededRandom(seed: seed, stream: 2)
        for (entryIndex, entry) in entries.enumerated() {
            var questions = entry.questions
            if questions.count >= 2, random.unit() < Float(heldOutShare), let last = questions.popLast() {
                heldOutQueries.append(HeldOutQuery(text: last, answer: entryIndex))
            }
            calibrationEntries.append(KnowledgeBaseEntry(id: entry.id, questions: questions))
            guard questions.count >= 2 else { continue }
            for (position, question) in questions.enumerated() where questions.count > 2 || position == 0 {
                encoderPairs.append(Pair(first: question, second: questions[(position + 1) % questions.count], group: entryIndex))
            }
        }
        let order = random.permutation(pairs.count)
        let heldOutCount = pairs.count >= 20 ? Int((Double(pairs.count) * heldOutShare).rounded()) : 0
        var answerEntries: [String: Int] = [:]
        var ids = Set(entries.map(\.id))
        for (rank, pairIndex) in order.enumerated() {
            let pair = pairs[pairIndex]
            if rank >= heldOutCount {
                if pair.sameMeaning {
                    encoderPairs.append(Pair(first: pair.first, second: pair.second, group: entries.count + pairIndex))
                } else {
                    contrastPairs.append((pair.first, pair.second))
                }
                continue
            }
            let entry: Int
            if let known = answerEntries[pair.second] {
                entry = known
            } else {
                entry = calibrationEntries.count
                answerEntries[pair.second] = entry
                var id = "held-out-\(entry)"
                while !ids.insert(id).inserted { id += "'" }
                calibrationEntries.append(KnowledgeBaseEntry(id: id, questions: [pair.second]))
            }
            heldOutQueries.append(HeldOutQuery(text: pair.first, answer: pair.sameMeaning ? entry : nil))
        }
        heldOutQueries += unanswerable.map { HeldOutQuery(text: $0, answer: nil) }
    }
}
