import ChatCore

extension BuiltInScanner {
    /// An e-mail address whose local part a privacy mask hid (「l***@example.com」), which the
    /// segmenter splits into several tokens: value the folded text, "l***@example.com".
    ///
    /// The local part starts at `start` (a token start with no local-part character before it),
    /// holds at least one `*`, and the domain has two or more labels, the last of letters only.
    mutating func scanMaskedEmail(from start: Int) {
        guard start == 0 || !Self.isLocalPart(line[start - 1]) else { return }
        var position = start
        var hidden = false
        while position < line.count, Self.isLocalPart(line[position]) {
            if line[position] == 0x2A { hidden = true }
            position += 1
        }
        guard hidden, position > start, line[position] == 0x40, let end = EmailDomain.end(line.folded, from: position + 1) else { return }
        var folded = String.UnicodeScalarView()
        for index in start..<end {
            folded.append(Unicode.Scalar(line[index]) ?? line.original[index])
        }
        propose(.email, .text(String(folded)), start..<end)
    }

    private static func isLetterOrDigit(_ folded: UInt32) -> Bool {
        (0x30...0x39).contains(folded) || (0x61...0x7A).contains(folded)
    }

    /// Letters, digits, `. _ % + -` and the mask's `*`.
    private static func isLocalPart(_ folded: UInt32) -> Bool {
        isLetterOrDigit(folded) || [0x2E, 0x5F, 0x25, 0x2B, 0x2D, 0x2A].contains(folded)
    }
}
