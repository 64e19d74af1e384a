/// Word-to-word translation probabilities learned from same-meaning question pairs (IBM model 1
/// by expectation–maximisation), the lexical side of the re-ranker: they bridge words BM25 cannot
/// match, such as 取消 ↔ 撤销 or 凭证 ↔ 证明, when the training pairs show them used alike.
///
/// Terms are a text's words and the single characters of its multi-character words
/// (「取消借款」 → 取消 借款 取 消 借 款). `t(f | e)` is the probability that term `e` of a
/// candidate question is "said" as `f` in a query.
public struct TermTranslation: Sendable, Equatable {
    /// The known terms; a term's id is its position.
    public let terms: [String]
    private let ids: [String: Int32]
    /// For each target term f, `starts[f]..<starts[f+1]` index `sources` (terms e) and
    /// `probabilities` (t(f | e)).
    let starts: [Int32]
    let sources: [Int32]
    let probabilities: [Float]

    public init(terms: [String], starts: [Int32], sources: [Int32], probabilities: [Float]) {
        precondition(starts.count == terms.count + 1 && sources.count == probabilities.count, "one row per term")
        self.terms = terms
        var ids: [String: Int32] = [:]
        for (id, term) in terms.enumerated() { ids[term] = Int32(id) }
        self.ids = ids
        self.starts = starts
        self.sources = sources
        self.probabilities = probabilities
    }

    /// No terms: every translation score is the same.
    public static let empty = TermTranslation(terms: [], starts: [0], sources: [], probabilities: [])

    /// The terms of a text already cut into words.
    static func terms(of words: [String]) -> [String] {
        var terms = words
        for word in words where word.unicodeScalars.count > 1 {
            for scalar in word.unicodeScalars where scalar.value >= 0x2E80 { terms.append(String(scalar)) }
        }
        return terms
    }

    /// The ids of the known terms of `words`.
    func termIDs(_ words: [String]) -> [Int32] { Self.terms(of: words).compactMap { ids[$0] } }

    /// Learns t(f | e) from `pairs` of word lists, both directions, over `iterations` EM rounds;
    /// terms seen in fewer than `minimumCount` sentences are left out, and probabilities below
    /// `minimumProbability` are dropped at the end.
    static func train(_ pairs: [([String], [String])], iterations: Int = 5, minimumCount: Int = 2,
                      minimumProbability: Float = 0.01) -> TermTranslation {
        var counts: [String: Int] = [:]
        for (first, second) in pairs {
            for term in Set(terms(of: first)) { counts[term, default: 0] += 1 }
            for term in Set(terms(of: second)) { counts[term, default: 0] += 1 }
        }
        let known = counts.filter { $0.value >= minimumCount }.keys.sorted()
        let idOf = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($0.element, Int32($0.offset)) })
        var sentences: [([Int32], [Int32])] = []
        for (first, second) in pairs {
            let a = terms(of: first).compactMap { idOf[$0] }, b = terms(of: second).compactMap { idOf[$0] }
            guard !a.isEmpty, !b.isEmpty else { continue }
            sentences.append((a, b))
            sentences.append((b, a))
        }
        // t[(e, f)] starts uniform over co-occurring terms; each round re-estimates it.
        var table: [UInt64: Float] = [:]
        for (source, target) in sentences {
            for e in source { for f in target { table[Self.key(e, f)] = 1 } }
        }
        for _ in 0..<iterations {
            var expected: [UInt64: Float] = [:]
            expected.reserveCapacity(table.count)
            var totals = [Float](repeating: 0, count: known.count)
            for (source, target) in sentences {
                for f in target {
                    var denominator: Float = 0
                    for e in source { denominator += table[Self.key(e, f)] ?? 0 }
                    guard denominator > 0 else { continue }
                    for e in source {
                        let share = (table[Self.key(e, f)] ?? 0) / denominator
                        expected[Self.key(e, f), default: 0] += share
                        totals[Int(e)] += share
                    }
                }
            }
            for (key, value) in expected { table[key] = value / max(totals[Int(key >> 32)], 1e-12) }
        }
        // Rows by target term f, sources in increasing order (a reproducible layout).
        var rows = [[(Int32, Float)]](repeating: [], count: known.count)
        for (key, probability) in table where probability >= minimumProbability {
            rows[Int(key & 0xFFFF_FFFF)].append((Int32(key >> 32), probability))
        }
        var starts: [Int32] = [0], sources: [Int32] = [], probabilities: [Float] = []
        for row in rows {
            for (source, probability) in row.sorted(by: { $0.0 < $1.0 }) {
                sources.append(source)
                probabilities.append(probability)
            }
            starts.append(Int32(sources.count))
        }
        return TermTranslation(terms: known, starts: starts, sources: sources, probabilities: probabilities)
    }

    private static func key(_ source: Int32, _ target: Int32) -> UInt64 { UInt64(UInt32(source)) << 32 | UInt64(UInt32(target)) }
}
