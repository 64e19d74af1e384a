/// Lays out rows of cells in aligned columns for a terminal, Chinese-aware: a CJK character
/// takes two columns, so 「退货政策」 lines up with `shipping` (eight columns each).
struct TextColumns {
    /// How each column aligns.
    enum Alignment { case left, right }

    var alignments: [Alignment]
    var rows: [[String]] = []

    init(_ alignments: [Alignment]) { self.alignments = alignments }

    mutating func append(_ cells: String...) { rows.append(cells) }

    /// The rows, each indented by `indent` and its cells separated by two spaces, without trailing spaces.
    func render(indent: String = "  ") -> String {
        var widths = [Int](repeating: 0, count: alignments.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = Swift.max(widths[column], Self.width(of: cell))
            }
        }
        var text = ""
        for row in rows {
            var line = indent
            for (column, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: Swift.max(0, (column < widths.count ? widths[column] : 0) - Self.width(of: cell)))
                if column > 0 { line += "  " }
                line += column < alignments.count && alignments[column] == .right ? pad + cell : cell + pad
            }
            while line.last == " " { line.removeLast() }
            text += line + "\n"
        }
        return text
    }

    /// Terminal columns of `text`: two for wide (CJK, full-width) scalars, one for others.
    static func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
