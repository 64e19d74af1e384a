import BotDefinition
import ChatCore

/// Notices an upset customer: a word of a small lexicon (垃圾, 太慢了, 气死, 骗子, 投诉, terrible …,
/// plus the bot's own `frustration.words`), the `complaint` intent, a run of three or more
/// 「！」/「？」, or the same line said twice in a row.
///
/// 「什么破服务，气死我了」 → `word 气死`; 「到底到了没有？？？」 → `"？？？" run of 3`.
public struct FrustrationDetector: Sendable {
    /// The words looked for, case-folded.
    public let words: [String]

    /// The built-in lexicon, written for shop support (Chinese and English).
    public static let lexicon = [
        "垃圾", "太慢了", "太慢", "慢死了", "气死", "生气", "什么破", "破网站", "破服务", "骗子", "骗人", "坑人", "坑爹", "差评",
        "失望", "无语", "投诉", "举报", "受不了", "忍不了", "太差", "恶心", "搞什么", "有病", "废物", "离谱", "太过分",
        "到底", "烦死", "服了",
        "terrible", "useless", "awful", "worst", "ridiculous", "scam", "angry", "annoyed", "disappointed", "wtf",
    ]

    /// The run of 「！」/「？」 that counts as a cue.
    public static let runLength = 3

    public init(extraWords: [String] = []) {
        words = (Self.lexicon + extraWords).map { $0.lowercased() }.filter { !$0.isEmpty }
    }

    /// What shows the customer is upset in this line, for the reply's reason; nil when nothing does.
    /// - Parameters:
    ///   - repeated: whether the line says again what the previous one said.
    public func signal(in utterance: Utterance, cues: LineCues, repeated: Bool) -> String? {
        if utterance.prediction.intent?.name == SpecialIntent.complaint.rawValue {
            return "intent complaint"
        }
        let content = String(String.UnicodeScalarView(cues.content))
        if let word = words.first(where: { content.contains($0) }) {
            return "word \(word)"
        }
        if cues.exclamationRun >= Self.runLength {
            return "a run of \(cues.exclamationRun) ！/？"
        }
        if repeated {
            return "the same line twice in a row"
        }
        return nil
    }
}
