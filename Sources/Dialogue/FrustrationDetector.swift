import ChatCore

/// What a line shows of an upset customer: how upset, and the cue, for the reply's reason.
public struct FrustrationSignal: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// Insults, swearing, threats, the same line twice: an apology and the offer of a human.
        case anger
        /// Impatience (到底, 太慢, 烦死, a run of 「！」): an apology, then the request the line
        /// carries is served (「到底什么时候发货！！！」 is still a delivery question).
        case impatience
    }

    public let kind: Kind
    /// `word 到底`, `a run of 3 ！/？`, `the same line twice in a row`, `intent complaint`.
    public let cue: String

    public init(_ kind: Kind, cue: String) {
        self.kind = kind
        self.cue = cue
    }

    public var description: String { cue }
}

/// Notices an upset customer from cues in the wording. Anger: a word of a small lexicon —
/// complaints (垃圾, 气死, 骗子), threats (差评, 投诉, 12315, 平台介入, 曝光) and swearing (妈的, tmd) —
/// plus the bot's own `frustration.words`, or the same line said twice in a row. Impatience: a
/// word such as 到底, 太慢, 烦死 plus the bot's `frustration.impatience`, or a run of three or more
/// 「！」/「？」. Anger wins when a line has both. (The `complaint` intent is weighed by the dialogue,
/// which can tell a neutral question that only sounds like one: 「你们几点下班」.)
///
/// 「什么破服务，气死我了」 → anger, `word 气死`; 「到底到了没有？？？」 → impatience, `word 到底`;
/// 「再不发货我就打12315」 → anger, `word 12315`.
public struct FrustrationDetector: Sendable {
    /// The anger words looked for, case-folded.
    public let words: [String]
    /// The impatience words looked for, case-folded.
    public let impatienceWords: [String]

    /// The built-in anger lexicon, written for shop support (Chinese and English). Words that are
    /// only digits (12315) count only as a whole number, never inside an order number.
    public static let lexicon = [
        // complaints
        "垃圾", "气死", "生气", "什么破", "破网站", "破服务", "破玩意", "骗子", "骗人", "骗钱", "坑人",
        "坑爹", "坑钱", "太坑", "黑店", "失望", "太差", "恶心", "搞什么鬼", "搞什么飞机", "搞什么名堂", "有病", "废物", "离谱",
        "太过分", "欺负人", "欺诈", "虚假宣传",
        // threats
        "差评", "投诉", "举报", "12315", "消协", "消费者协会", "工商局", "市场监管", "平台介入", "曝光", "起诉", "律师", "维权",
        // swearing
        "妈的", "他妈", "tmd", "nmd", "卧槽", "我靠", "操你", "草泥马", "傻逼", "傻b", "傻x", "傻叉", "煞笔", "狗屎", "狗屁", "滚蛋", "去死",
        "王八蛋", "混蛋", "脑残", "弱智",
        "terrible", "useless", "awful", "worst", "ridiculous", "scam", "angry", "disappointed", "wtf", "fuck",
        "shit", "sucks", "rubbish",
    ]

    /// The built-in impatience lexicon.
    public static let impatienceLexicon = [
        "太慢了", "太慢", "慢死了", "到底", "烦死", "服了", "无语", "受不了", "忍不了", "急死", "等死", "annoyed",
    ]

    /// The run of 「！」/「？」 that counts as a cue.
    public static let runLength = 3

    /// `words` and `impatienceWords` as scalar arrays, and whether each is only digits.
    private let anger: [Pattern], impatience: [Pattern]

    private struct Pattern: Sendable {
        let word: String
        let scalars: [Unicode.Scalar]
        let digitsOnly: Bool

        init(_ word: String) {
            self.word = word
            scalars = Array(word.unicodeScalars)
            digitsOnly = scalars.allSatisfy { $0.properties.numericType != nil }
        }
    }

    public init(extraWords: [String] = [], impatienceWords extraImpatience: [String] = []) {
        func folded(_ list: [String]) -> [String] { list.map { $0.lowercased() }.filter { !$0.isEmpty } }
        words = folded(Self.lexicon + extraWords)
        impatienceWords = folded(Self.impatienceLexicon + extraImpatience)
        anger = words.map(Pattern.init)
        impatience = impatienceWords.map(Pattern.init)
    }

    /// What shows the customer is upset in this line; nil when nothing does.
    /// - Parameters:
    ///   - repeated: whether the line says again what the previous one said.
    public func signal(in utterance: Utterance, cues: LineCues, repeated: Bool) -> FrustrationSignal? {
        func found(_ patterns: [Pattern]) -> String? {
            patterns.first { Self.contains(cues.content, $0.scalars, digitsOnly: $0.digitsOnly) }.map(\.word)
        }
        if let word = found(anger) { return FrustrationSignal(.anger, cue: "word \(word)") }
        if repeated { return FrustrationSignal(.anger, cue: "the same line twice in a row") }
        if let word = found(impatience) { return FrustrationSignal(.impatience, cue: "word \(word)") }
        if cues.exclamationRun >= Self.runLength {
            return FrustrationSignal(.impatience, cue: "a run of \(cues.exclamationRun) ！/？")
        }
        return nil
    }

    /// Whether `word` is in `content` (case-folded scalars, as `LineCues.content`); a word of
    /// digits only as a whole run of digits (12315, never inside an order number).
    static func contains(_ content: [Unicode.Scalar], _ word: [Unicode.Scalar], digitsOnly: Bool) -> Bool {
        guard !word.isEmpty, word.count <= content.count else { return false }
        func isDigit(_ index: Int) -> Bool { content.indices.contains(index) && content[index].properties.numericType != nil }
        for start in 0...(content.count - word.count) where content[start..<(start + word.count)].elementsEqual(word) {
            if !digitsOnly || (!isDigit(start - 1) && !isDigit(start + word.count)) { return true }
        }
        return false
    }
}
