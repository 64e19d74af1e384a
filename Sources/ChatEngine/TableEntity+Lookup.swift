import BotDefinition
import ChatCore
import Entities
import Segmentation

extension TableEntity {
    /// The entity as a lookup list over `table`: each row's key with its name, its aliases, and
    /// the shorter names only that row answers to — the name's endings (the thing itself comes
    /// last in a Chinese name: 小蜜Air2无线耳机 → 耳机, 无线耳机), with specs such as 3L or Mini
    /// left off the end, and model codes (Air2, K7). A shorter name two rows share says nothing
    /// and is left out (智能 is in three names).
    /// - Complexity: O(rows × name tokens²).
    public func lookupEntity(in table: DataTable, segmenter: Segmenter) -> LookupEntity {
        let rows = names(in: table)
        var owners: [String: Set<String>] = [:]
        var shorter: [String: [String]] = [:]
        for row in rows {
            var parts: [String] = []
            for name in row.names {
                parts += Self.shorterNames(of: segmenter.tokenize(name))
            }
            shorter[row.key] = parts
            for part in Set(parts) { owners[part, default: []].insert(row.key) }
        }
        let spoken = Set(rows.flatMap { $0.names.map { $0.lowercased() } })
        var values: [String: [String]] = [:]
        for row in rows {
            let own = (shorter[row.key] ?? []).filter { owners[$0]?.count == 1 && !spoken.contains($0) }
            values[row.key, default: []] += row.names + Self.unique(own)
        }
        return LookupEntity(name: name, values: values)
    }

    /// The endings of a name's words (after trailing specs are dropped, and with them), the
    /// endings of its last word (无线耳机 → 耳机, 电饭煲 → 饭煲) and its model codes, each at least
    /// two characters, lower case.
    static func shorterNames(of tokens: [Token]) -> [String] {
        let words = tokens.filter { [.word, .latin, .number].contains($0.kind) }
        var core = words
        while let last = core.last, last.kind != .word { core.removeLast() }
        var parts: [String] = []
        for sequence in [core, words] where !sequence.isEmpty {
            for start in 1..<sequence.count {
                parts.append(sequence[start...].map(\.normalized).joined())
            }
        }
        if let last = core.last {
            let scalars = Array(last.normalized.unicodeScalars)
            for start in stride(from: 1, through: scalars.count - 2, by: 1) {
                parts.append(String(String.UnicodeScalarView(scalars[start...])))
            }
        }
        for token in words where token.kind == .latin && token.normalized.contains(where: \.isNumber) {
            parts.append(token.normalized)
        }
        return parts.filter { $0.unicodeScalars.count >= 2 && !$0.allSatisfy(\.isNumber) }
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
