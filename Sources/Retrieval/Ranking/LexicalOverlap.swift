/// Surface overlap between a query and a question, on their letters and digits (punctuation and
/// spaces dropped, ASCII lower-cased): character-bigram Dice, longest common substring over the
/// query's length, and the length ratio.
///
/// For 「怎么还没发货」 and 「什么时候发货」: bigrams {怎么 么还 还没 没发 发货} and
/// {什么 么时 时候 候发 发货} share 1, Dice 2·1/10 = 0.2; the longest common substring 「发货」
/// covers 2/6 = 0.33 of the query; both have 6 characters, length ratio 1.
enum LexicalOverlap {
    /// The feature names, in order.
    static let names = ["bigram_dice", "common_substring_ratio", "length_ratio"]
    static var count: Int { names.count }

    /// The scalars of `text` that count: letters and digits, ASCII lower-cased.
    static func units(_ text: String) -> [UInt32] {
        var units: [UInt32] = []
        units.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            let value = scalar.value
            units.append(value >= 65 && value <= 90 ? value + 32 : value)
        }
        return units
    }

    /// The three overlap features of `query` and `question` (both from `units`).
    static func features(query: UnsafeBufferPointer<UInt32>, question: UnsafeBufferPointer<UInt32>,
                         row: inout [Int32]) -> (dice: Float, substring: Float, length: Float) {
        let queryCount = query.count, questionCount = question.count
        guard queryCount > 0, questionCount > 0 else { return (0, 0, 0) }
        // One pass of the longest-common-substring DP (one row over the question, updated right to
        // left): row[j] is the common run ending at query[i] and question[j - 1], so a run of 2 or
        // more is the query's bigram at i - 1 found in the question — counted once per query bigram.
        if row.count < questionCount + 1 { row = [Int32](repeating: 0, count: questionCount + 1) }
        for j in 0...questionCount { row[j] = 0 }
        var longest: Int32 = 0
        var shared = 0
        for i in 0..<queryCount {
            let unit = query[i]
            var bigramFound = false
            var j = questionCount
            while j > 0 {
                if unit == question[j - 1] {
                    let run = row[j - 1] + 1
                    row[j] = run
                    if run > longest { longest = run }
                    if run >= 2 { bigramFound = true }
                } else {
                    row[j] = 0
                }
                j -= 1
            }
            if bigramFound { shared += 1 }
        }
        let bigrams = max(queryCount - 1, 0) + max(questionCount - 1, 0)
        let dice = bigrams > 0 ? Float(2 * min(shared, questionCount - 1)) / Float(bigrams) : 0
        let length = Float(min(queryCount, questionCount)) / Float(max(queryCount, questionCount))
        return (dice, Float(longest) / Float(queryCount), length)
    }
}
