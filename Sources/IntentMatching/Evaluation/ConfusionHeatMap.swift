import ChatCore
/// A confusion matrix drawn as an SVG heat map people can read: rows gold, columns predicted,
/// each cell coloured by its share of the row (blue on the diagonal, red off it), intent names on
/// both axes (column names slanted at 60°), a legend and a note on what is shown.
///
/// Cells shrink with the number of labels (40 px for 5, 14 px for 60). Past `maxLabels` only the
/// labels with the most errors are drawn, and a note says how many were left out; shares are
/// always of the whole row. Every non-empty cell has a tooltip (`退货 → 换货: 3 of 40 (7.5%)`).
public struct ConfusionHeatMap: Sendable {
    public var matrix: ConfusionMatrix
    public var title: String
    public var maxLabels: Int

    public init(matrix: ConfusionMatrix, title: String = "Confusion matrix", maxLabels: Int = 60) {
        self.matrix = matrix
        self.title = title
        self.maxLabels = maxLabels
    }

    /// Indices of the labels drawn, in name order, and a note when some are left out.
    public var shownLabels: (indices: [Int], note: String?) {
        let all = Array(matrix.labels.indices)
        guard all.count > maxLabels else { return (all, nil) }
        let errors = all.map { index in
            matrix.rowTotal(index) + matrix.columnTotal(index) - 2 * matrix.count(gold: index, predicted: index)
        }
        let involved = all.filter { errors[$0] > 0 }
        if involved.isEmpty {
            return (Array(all.prefix(maxLabels)), "No errors; the first \(maxLabels) of \(all.count) labels are shown.")
        }
        let chosen = involved.sorted { (errors[$1], $0) < (errors[$0], $1) }.prefix(maxLabels).sorted()
        let note = chosen.count == involved.count
            ? "Shown: the \(chosen.count) of \(all.count) labels involved in an error; the others were all predicted right."
            : "Shown: the \(chosen.count) labels with the most errors, of \(involved.count) involved in an error (\(all.count) labels in all)."
        return (chosen, note + " Full counts are in report.json.")
    }

    /// The SVG document.
    public var svg: String {
        let (shown, note) = shownLabels
        let n = max(shown.count, 1)
        let cell = Double(min(40, max(12, 840 / n)))
        let font = min(13, max(9, cell * 0.7))
        let labelWidth = shown.map { Self.textWidth(matrix.labels[$0], font: font) }.max() ?? 0
        let left = 24 + labelWidth + 8
        let top = 78 + labelWidth * 0.87 + 8
        let side = cell * Double(shown.count)
        let legendTop = top + side + 28
        let notes = [note, "Colour: share of the row's lines (square-root scale, so rare confusions show). "
                     + (cell >= 20 ? "Numbers: line counts." : "Hover a cell for its count.")].compactMap { $0 }
        let width = max(left + side + labelWidth * 0.5 + 24, 560, Self.textWidth(notes.joined(), font: 11) / Double(notes.count) + 48)
        let height = legendTop + 70 + Double(notes.count) * 16

        var svg = SVGText()
        svg.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        svg.line("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" font-family=\"DejaVu Sans, Noto Sans CJK SC, Microsoft YaHei, sans-serif\">")
        svg.line("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
        svg.text(title, x: 24, y: 30, size: 18, attributes: "font-weight=\"bold\"")
        svg.text("rows: gold intent · columns: predicted intent · \(Self.total(matrix)) lines, \(matrix.labels.count) labels",
                 x: 24, y: 52, size: 12, attributes: "fill=\"#444444\"")
        svg.text("gold ↓  predicted →", x: left - 6, y: top - 6, size: 10, attributes: "text-anchor=\"end\" fill=\"#666666\"")

        // Column labels, slanted up to the right, and row labels, right-aligned.
        for (position, index) in shown.enumerated() {
            let x = left + (Double(position) + 0.5) * cell + font * 0.25
            svg.text(matrix.labels[index], x: x, y: top - 5, size: font,
                     attributes: "transform=\"rotate(-60 \(Self.number(x)) \(Self.number(top - 5)))\"" + (matrix.columnTotal(index) == 0 ? " fill=\"#999999\"" : ""))
            let y = top + (Double(position) + 0.5) * cell + font * 0.35
            svg.text(matrix.labels[index], x: left - 6, y: y, size: font,
                     attributes: "text-anchor=\"end\"" + (matrix.rowTotal(index) == 0 ? " fill=\"#999999\"" : ""))
        }

        // The grid, the diagonal outlined, then the cells that hold lines.
        svg.line("<rect x=\"\(Self.number(left))\" y=\"\(Self.number(top))\" width=\"\(Self.number(side))\" height=\"\(Self.number(side))\" fill=\"#ffffff\" stroke=\"#bbbbbb\"/>")
        var grid = ""
        for position in 1..<max(shown.count, 1) {
            let offset = Self.number(Double(position) * cell)
            grid += "M\(Self.number(left)) \(Self.number(top))m0 \(offset)h\(Self.number(side))M\(Self.number(left)) \(Self.number(top))m\(offset) 0v\(Self.number(side))"
        }
        if !grid.isEmpty { svg.line("<path d=\"\(grid)\" stroke=\"#eeeeee\" stroke-width=\"1\" fill=\"none\"/>") }
        for (row, gold) in shown.enumerated() {
            let rowTotal = matrix.rowTotal(gold)
            for (column, predicted) in shown.enumerated() {
                let count = matrix.count(gold: gold, predicted: predicted)
                let x = Self.number(left + Double(column) * cell), y = Self.number(top + Double(row) * cell)
                guard count > 0, rowTotal > 0 else {
                    if row == column { svg.line("<rect x=\"\(x)\" y=\"\(y)\" width=\"\(Self.number(cell))\" height=\"\(Self.number(cell))\" fill=\"none\" stroke=\"#9ecae1\"/>") }
                    continue
                }
                let share = Double(count) / Double(rowTotal)
                let strength = share.squareRoot()
                let colour = Self.colour(strength, diagonal: row == column)
                let tip = "\(matrix.labels[gold]) → \(matrix.labels[predicted]): \(count) of \(rowTotal) (\(DecimalText.percent(share)))"
                svg.line("<rect x=\"\(x)\" y=\"\(y)\" width=\"\(Self.number(cell))\" height=\"\(Self.number(cell))\" fill=\"\(colour)\"><title>\(Self.escaped(tip))</title></rect>")
                if cell >= 20 {
                    svg.text(String(count), x: left + (Double(column) + 0.5) * cell, y: top + (Double(row) + 0.5) * cell + cell * 0.14,
                             size: min(12, cell * 0.4), attributes: "text-anchor=\"middle\" fill=\"\(strength > 0.6 ? "#ffffff" : "#222222")\"")
                }
            }
        }

        // Legend: one bar per hue, ticks at the shares they stand for.
        svg.line("<defs>")
        for (name, diagonal) in [("right", true), ("confused", false)] {
            svg.line("<linearGradient id=\"\(name)\">" + stride(from: 0, through: 10, by: 1).map { step in
                "<stop offset=\"\(step * 10)%\" stop-color=\"\(Self.colour(Double(step) / 10, diagonal: diagonal))\"/>"
            }.joined() + "</linearGradient>")
        }
        svg.line("</defs>")
        for (slot, (name, caption)) in [("right", "right (diagonal)"), ("confused", "confused (off the diagonal)")].enumerated() {
            let x = 24 + Double(slot) * 260, barWidth = 200.0
            svg.text(caption, x: x, y: legendTop, size: 11)
            svg.line("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(legendTop + 6))\" width=\"\(Self.number(barWidth))\" height=\"12\" fill=\"url(#\(name))\" stroke=\"#999999\"/>")
            for share in [0, 0.05, 0.25, 0.5, 1.0] {
                let tickX = x + barWidth * share.squareRoot()
                svg.line("<path d=\"M\(Self.number(tickX)) \(Self.number(legendTop + 18))v4\" stroke=\"#666666\"/>")
                svg.text(DecimalText.fixed(share * 100, digits: 0) + "%", x: tickX, y: legendTop + 32, size: 9, attributes: "text-anchor=\"middle\" fill=\"#444444\"")
            }
        }
        for (offset, text) in notes.enumerated() {
            svg.text(text, x: 24, y: legendTop + 56 + Double(offset) * 16, size: 11, attributes: "fill=\"#444444\"")
        }
        svg.line("</svg>")
        return svg.text
    }

    private static func total(_ matrix: ConfusionMatrix) -> Int { matrix.counts.reduce(0, +) }

    /// White to dark blue (diagonal) or dark red (off it) as `strength` goes from 0 to 1.
    static func colour(_ strength: Double, diagonal: Bool) -> String {
        let target: (Double, Double, Double) = diagonal ? (8, 81, 156) : (203, 24, 29)
        let t = min(1, max(0, strength))
        let channels = [target.0, target.1, target.2].map { Int((255 + ($0 - 255) * t).rounded()) }
        let hex = Array("0123456789abcdef")
        return "#" + channels.map { String([hex[$0 >> 4], hex[$0 & 15]]) }.joined()
    }

    /// About how wide `text` is drawn at `font` pixels: an em for wide characters, 0.62 em else.
    static func textWidth(_ text: String, font: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.isWide ? 1.0 : 0.62) } * font
    }

    static func number(_ value: Double) -> String { DecimalText.fixed(value, digits: 1) }

    /// `text` with XML's special characters escaped, for text content and attribute values.
    static func escaped(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default: output.append(character)
            }
        }
        return output
    }
}

/// SVG text being written, a line at a time.
private struct SVGText {
    var text = ""

    mutating func line(_ line: String) { text += line + "\n" }

    mutating func text(_ content: String, x: Double, y: Double, size: Double, attributes: String = "") {
        let extra = attributes.isEmpty ? "" : " " + attributes
        line("<text x=\"\(ConfusionHeatMap.number(x))\" y=\"\(ConfusionHeatMap.number(y))\" font-size=\"\(ConfusionHeatMap.number(size))\"\(extra)>\(ConfusionHeatMap.escaped(content))</text>")
    }
}
