import ChatCore

/// Notices an upset customer from cues in the wording: a word of a small lexicon — complaints
/// (垃圾, 太慢了, 气死, 骗子), threats (差评, 投诉, 12315, 平台介入, 曝光) and swearing (妈的, tmd) —
/// plus the bot's own `frustration.words`, a run of three or more 「！」/「？」, or the same line
/// said twice in a row. (The `complaint` intent is weighed by the dialogue, which can tell a
/// neutral question that only sounds like one: 「你们几点下班」.)
///
/// 「什么破服务，气死我了」 → `word 气死`; 「到底到了没有？？？」 → `a run of 3 ！/？`; 「再不发货我就打12315」 → `word 12315`.
public struct FrustrationDetector: Sendable {
    /// The words looked for, case-folded.
    public let words: [String]

    /// The built-in lexicon, written for shop support (Chinese and English). Words that are only
    /// digits (12315) count only as a whole number, never inside an order number.
    public static let lexicon = [
        // complaints
        "垃圾", "太慢了", "太慢", "慢死了", "气死", "生气", "什么破", "破网站", "破服务", "破玩意", "骗子", "骗人", "骗钱", "坑人",
        "坑爹", "坑钱", "太坑", "黑店", "失望", "无语", "受不了", "忍不了", "太差", "恶心", "搞什么鬼", "搞什么飞机", "搞什么名堂", "有病", "废物", "离谱",
        "太过分", "欺负人", "欺诈", "虚假宣传", "到底", "烦死", "服了",
        // threats
        "差评", "投诉", "举报", "12315", "消协", "消费者协会", "工商局", "市场监管", "平台介入", "曝光", "起诉", "律师", "维权",
        // swearing
        "妈的", "他妈", "tmd", "nmd", "卧槽", "我靠", "操你", "草泥马", "傻逼", "傻b", "煞笔", "狗屎", "狗屁", "滚蛋", "去死",
        "王八蛋", "混蛋", "脑残", "弱智",
        "terrible", "useless", "awful", "worst", "ridiculous", "scam", "angry", "annoyed", "disappointed", "wtf", "fuck",
        "shit", "sucks", "rubbish",
    ]

    /// The run of 「！」/「？」 that counts as a cue.
    public static let runLength = 3

    /// `words` as scalar arrays, and whether each is only digits: what lines are searched with.
    private let patterns: [(scalars: [Unicode.Scalar], digitsOnly: Bool)]

    public init(extraWords: [String] = []) {
        words = (Self.lexicon + extraWords).map { $0.lowercased() }.filter { !$0.isEmpty }
        patterns = words.map { word in
            let scalars = Array(word.unicodeScalars)
            return (scalars, scalars.allSatisfy { $0.properties.numericType != nil })
        }
    }

    /// What shows the customer is upset in this line, for the reply's reason; nil when nothing does.
    /// - Parameters:
    ///   - repeated: whether the line says again what the previous one said.
    public func signal(in utterance: Utterance, cues: LineCues, repeated: Bool) -> String? {
        if let index = patterns.firstIndex(where: { Self.contains(cues.content, $0.scalars, digitsOnly: $0.digitsOnly) }) {
            return "word \(words[index])"
        }
        if cues.exclamationRun >= Self.runLength {
            return "a run of \(cues.exclamationRun) ！/？"
        }
        if repeated {
            return "the same line twice in a row"
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
