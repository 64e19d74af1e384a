/// A distinct line that fell back, with how many times it was said: repeats count once for
/// clustering and carry their count into the report.
///
/// 「能开专票吗」 said 3 times → `MinedLine(text: "能开专票吗", count: 3)`.
public struct MinedLine: Hashable, Sendable {
    /// The line as first seen (trimmed).
    public var text: String
    public var count: Int

    public init(text: String, count: Int = 1) {
        self.text = text
        self.count = count
    }

    /// `lines` with repeats merged, in order of first appearance; lines that differ only in case,
    /// full-/half-width forms, surrounding spaces or final punctuation are the same line. Blank lines are dropped.
    public static func distinct(_ lines: some Sequence<String>) -> [MinedLine] {
        var index: [String: Int] = [:]
        var result: [MinedLine] = []
        for line in lines {
            let text = trimmed(line)
            guard !text.isEmpty else { continue }
            let key = matchingKey(text)
            if let at = index[key] {
                result[at].count += 1
            } else {
                index[key] = result.count
                result.append(MinedLine(text: text))
            }
        }
        return result
    }

    /// `text` without the spaces, tabs, line breaks and ideographic spaces around it.
    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    /// The line folded for comparison: 「能开专票吗？」 and 「能开专票吗」 match, as do `Invoice?` and `ｉｎｖｏｉｃｅ`.
    static func matchingKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }      // full-width ASCII → ASCII
            guard let folded = Unicode.Scalar(value) else { continue }
            scalars.append(contentsOf: String(folded).lowercased().unicodeScalars)
        }
        var key = String(scalars)
        while let last = key.unicodeScalars.last, "?!.~。？！～…".unicodeScalars.contains(last) {
            key.unicodeScalars.removeLast()
        }
        return key
    }
}
