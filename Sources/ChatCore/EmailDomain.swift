/// The domain of an e-mail address, as the e-mail extractor and the privacy mask read it: labels of
/// letters, digits and `-` joined by single dots, two or more, the last of two or more letters.
///
/// In 「li@example.com。」 the domain after the `@` is `example.com` (the 「。」 is not in it);
/// `li@localhost` and `li@example.com2` have none.
public enum EmailDomain {
    /// Where the domain that starts at `start` in `folded` ends (scalars folded to half-width,
    /// lower case), or nil when there is none.
    /// - Complexity: O(length of the domain-like text from `start`).
    public static func end(_ folded: [UInt32], from start: Int) -> Int? {
        var position = start
        var labels = 0
        var end: Int?
        while true {
            let labelStart = position
            var letters = true
            while position < folded.count, isLabel(folded[position]) {
                if !(0x61...0x7A).contains(folded[position]) { letters = false }
                position += 1
            }
            guard position > labelStart else { break }
            labels += 1
            if labels >= 2, letters, position - labelStart >= 2 { end = position }
            guard position + 1 < folded.count, folded[position] == 0x2E, isLabel(folded[position + 1]) else { break }
            position += 1
        }
        return end
    }

    /// A letter, digit or `-`.
    private static func isLabel(_ folded: UInt32) -> Bool {
        (0x30...0x39).contains(folded) || (0x61...0x7A).contains(folded) || folded == 0x2D
    }
}
