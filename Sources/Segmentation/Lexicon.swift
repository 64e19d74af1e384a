/// Every word the segmenter knows: the compiled dictionary plus the words users add on top.
///
/// User words live in a small overlay trie beside the double-array trie, so adding 「退货运费险」
/// costs microseconds and never rebuilds the 349k-word dictionary. An overlay entry overrides the
/// dictionary's frequency for the same word, or removes the word (frequency 0).
struct Lexicon: Sendable {
    let image: DictionaryImage
    /// Codes for folded scalars that only user words contain, numbered from `image.alphabet.size`.
    private(set) var extraCodes: [UInt32: UInt32] = [:]
    /// Overlay transitions keyed by `state << 32 | code`; state 0 is the overlay root.
    private var overlayTransitions: [UInt64: Int32] = [:]
    /// Per overlay state: the word's log frequency (≥ 0), `prefixOnly`, or `removed`.
    private var overlayValues: [Float] = [Self.prefixOnly]
    /// Per code: whether some user word starts with it.
    private(set) var startsUserWord: [Bool] = []

    static let prefixOnly: Float = -1
    static let removed: Float = -2

    init(image: DictionaryImage) {
        self.image = image
    }

    var hasUserWords: Bool { overlayValues.count > 1 }

    /// The code of a folded scalar (0 when no word contains it).
    @inline(__always)
    func code(of folded: UInt32) -> UInt32 {
        let code = image.alphabet.code(of: folded)
        if code != 0 || extraCodes.isEmpty { return code }
        return extraCodes[folded] ?? 0
    }

    /// The overlay state reached from `state` by `code`, or -1.
    @inline(__always)
    func overlayChild(of state: Int32, code: UInt32) -> Int32 {
        overlayTransitions[UInt64(UInt32(bitPattern: state)) << 32 | UInt64(code)] ?? -1
    }

    /// The overlay's value at `state`: a log frequency, `prefixOnly` or `removed`.
    @inline(__always)
    func overlayValue(at state: Int32) -> Float { overlayValues[Int(state)] }

    /// Whether some user word starts with `code`.
    @inline(__always)
    func startsUserWord(_ code: UInt32) -> Bool {
        Int(code) < startsUserWord.count && startsUserWord[Int(code)]
    }

    /// The log frequency of a whole word given as codes, or nil when it is not a word.
    func logFrequency(ofCodes codes: some Collection<UInt32>) -> Float? {
        var state: Int32 = 0
        var overlayState: Int32 = hasUserWords ? 0 : -1
        for code in codes {
            if state >= 0 { state = image.trie.child(of: state, code: code) }
            if overlayState >= 0 { overlayState = overlayChild(of: overlayState, code: code) }
            if state < 0 && overlayState < 0 { return nil }
        }
        if overlayState >= 0 {
            let value = overlayValue(at: overlayState)
            if value >= 0 { return value }
            if value == Self.removed { return nil }
        }
        return state >= 0 ? image.trie.wordLogFrequency(at: state) : nil
    }

    /// Adds or overrides a word; `logFrequency` nil removes it.
    mutating func setWord(folded scalars: [UInt32], logFrequency: Float?) {
        var state: Int32 = 0
        for scalar in scalars {
            var code = code(of: scalar)
            if code == 0 {
                code = UInt32(image.alphabet.size + extraCodes.count)
                extraCodes[scalar] = code
            }
            if state == 0 {
                if startsUserWord.count <= Int(code) {
                    startsUserWord += repeatElement(false, count: Int(code) + 1 - startsUserWord.count)
                }
                startsUserWord[Int(code)] = true
            }
            let key = UInt64(UInt32(bitPattern: state)) << 32 | UInt64(code)
            if let next = overlayTransitions[key] {
                state = next
            } else {
                let next = Int32(overlayValues.count)
                overlayValues.append(Self.prefixOnly)
                overlayTransitions[key] = next
                state = next
            }
        }
        overlayValues[Int(state)] = logFrequency ?? Self.removed
    }
}
