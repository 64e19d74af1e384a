import ChatCore

/// A bot's lookup-list entities, compiled: canonical values and synonyms folded (case and width),
/// indexed by their first scalar, matched where a token starts and ending where a token ends.
///
/// With `city: {北京: [北京市, 帝都, beijing]}`, 「去帝都」 and 「BeiJing」 both give `city` = 北京;
/// in 「北京市」 (one token) 北京 does not match, 北京市 does.
struct LookupMatcher: Sendable {
    private struct Entry: Sendable {
        var folded: [UInt32]
        var entity: String
        var canonical: String
        var order: Int
    }

    private let entries: [UInt32: [Entry]]

    init(_ lookups: [LookupEntity], firstOrder: Int) throws(EntityExtractorError) {
        var index: [UInt32: [Entry]] = [:]
        var order = firstOrder
        for lookup in lookups {
            guard !lookup.values.isEmpty else {
                throw EntityExtractorError(entity: lookup.name, problem: "the lookup list has no values; write `values: { 北京: [北京市, 帝都] }`")
            }
            for canonical in lookup.values.keys.sorted() {
                for word in [canonical] + (lookup.values[canonical] ?? []) {
                    let folded = ScalarFold.fold(word)
                    guard let first = folded.first, !word.allSatisfy(\.isWhitespace) else {
                        throw EntityExtractorError(entity: lookup.name, problem: "value '\(canonical)' has an empty synonym; remove it")
                    }
                    index[first, default: []].append(Entry(folded: folded, entity: lookup.name, canonical: canonical, order: order))
                    order += 1
                }
            }
        }
        entries = index
    }

    /// Every aligned occurrence of a value or synonym in `line`.
    /// - Complexity: O(tokens × words sharing a first character × word length).
    func matches(in line: LineText) -> [EntityCandidate] {
        var found: [EntityCandidate] = []
        for token in line.tokens {
            let start = token.scalarRange.lowerBound
            guard start < line.count, let candidates = entries[line.folded[start]] else { continue }
            for entry in candidates where line.has(entry.folded, at: start) {
                let range = start..<start + entry.folded.count
                guard line.isAligned(range) else { continue }
                let entity = Entity(name: entry.entity, value: .text(entry.canonical), text: line.text(range),
                                    scalarRange: range, source: .lookup)
                found.append(EntityCandidate(entity: entity, order: entry.order))
            }
        }
        return found
    }
}
