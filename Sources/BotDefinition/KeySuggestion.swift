/// Finds the allowed key a misspelt one was meant to be: `exmaples` → `examples`.
public enum KeySuggestion {
    /// The allowed key closest to `key` by edit distance (a swap of neighbours counts as one
    /// edit), if it is close enough to be a typo: at most a third of the key's length, at least 1.
    public static func closest(to key: String, among allowed: [String]) -> String? {
        let typed = Array(key.lowercased().unicodeScalars)
        var best: (key: String, distance: Int)?
        for candidate in allowed {
            let distance = editDistance(typed, Array(candidate.unicodeScalars))
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(1, typed.count / 3) else { return nil }
        return best.key
    }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
    /// adjacent scalars.
    /// - Complexity: O(m × n).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var table = [Int](repeating: 0, count: (a.count + 1) * width)
        for j in 0...b.count { table[j] = j }
        for i in 1...a.count {
            table[i * width] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(table[(i - 1) * width + j] + 1, table[i * width + j - 1] + 1,
                                table[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, table[(i - 2) * width + j - 2] + 1)
                }
                table[i * width + j] = value
            }
        }
        return table[a.count * width + b.count]
    }
}
