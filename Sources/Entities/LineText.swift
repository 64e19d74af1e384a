import ChatCore

/// One line as the extractors read it: its scalars folded for matching, and where its tokens start
/// and end, so that every entity can be made to line up with the segmenter's tokens.
///
/// For 「退３５０元」 the folded scalars are `退 3 5 0 元`; tokens 退 | ３５０ | 元 give starts
/// {0, 1, 4} and ends {1, 4, 5}.
struct LineText {
    /// The line's scalars as typed.
    let original: [Unicode.Scalar]
    /// The scalars folded: full-width ASCII to half-width, the ideographic space to a space, letters
    /// to lower case (``ScalarFold``). One folded scalar per original scalar.
    let folded: [UInt32]
    /// `startsToken[i]`: a token starts at scalar `i`.
    let startsToken: [Bool]
    /// `endsToken[i]`: a token ends just before scalar `i`.
    let endsToken: [Bool]
    /// The tokens that lie within the line, in line order.
    let tokens: [Token]

    init(_ line: String, tokens: [Token]) {
        let scalars = Array(line.unicodeScalars)
        original = scalars
        folded = scalars.map { ScalarFold.fold($0.value) }
        let inLine = tokens.filter { $0.scalarRange.upperBound <= scalars.count && !$0.scalarRange.isEmpty }
        var starts = [Bool](repeating: false, count: original.count + 1)
        var ends = [Bool](repeating: false, count: original.count + 1)
        for token in inLine {
            starts[token.scalarRange.lowerBound] = true
            ends[token.scalarRange.upperBound] = true
        }
        startsToken = starts
        endsToken = ends
        self.tokens = inLine
    }

    var count: Int { folded.count }

    /// The folded scalar at `index`, or 0 past the end.
    @inline(__always)
    subscript(index: Int) -> UInt32 { index < folded.count && index >= 0 ? folded[index] : 0 }

    /// Whether `range` starts at a token's start and ends at a token's end.
    func isAligned(_ range: Range<Int>) -> Bool {
        !range.isEmpty && range.upperBound <= count && startsToken[range.lowerBound] && endsToken[range.upperBound]
    }

    /// The original text of `range`.
    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: original[range])
        return String(view)
    }

    /// The index of the first scalar at or after `index` that is not a space or tab.
    func skippingSpaces(from index: Int) -> Int {
        var position = index
        while position < count, folded[position] == 0x20 || folded[position] == 0x09 { position += 1 }
        return position
    }

    /// Whether `word` (folded scalars) is at `index`.
    func has(_ word: [UInt32], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= count else { return false }
        for offset in 0..<word.count where folded[index + offset] != word[offset] { return false }
        return true
    }

    /// Whether the folded scalar at `index` is an ASCII digit.
    func isDigit(at index: Int) -> Bool { (0x30...0x39).contains(self[index]) }
}
