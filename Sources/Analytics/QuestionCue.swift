/// Whether a line asks something (so its cluster reads as a knowledge-base entry) or asks for
/// something to be done (an intent): a question mark, a final 吗/呢/么, a question word
/// (怎么, 如何, 什么, 哪, 几, 多少, 能不能, 是否, 有没有, 为什么) or an English one
/// (how, what, can, do, is …) at the start.
///
/// 「积分怎么兑换」, 「能开专票吗」, `how do I redeem points` are questions; 「我要开专票」 is not.
enum QuestionCue {
    static let words = ["怎么", "咋", "如何", "什么", "啥", "哪", "几", "多少", "能不能", "可不可以", "是不是", "是否", "有没有", "为什么", "多久"]
    static let englishOpeners: Set<String> = [
        "how", "what", "when", "where", "why", "which", "who", "can", "could", "do", "does", "is", "are", "will", "would", "should",
    ]

    static func isQuestion(_ line: String) -> Bool {
        let trimmed = MinedLine.trimmed(line)
        if let last = trimmed.unicodeScalars.last, "?？吗呢么嘛".unicodeScalars.contains(last) { return true }
        if words.contains(where: { trimmed.contains($0) }) { return true }
        let first = trimmed.prefix { $0.isLetter && $0.isASCII }.lowercased()
        return englishOpeners.contains(first)
    }
}
