import ChatCore

/// What the wording of a line says, apart from its intent: whether it is a question, a follow-up
/// (「那运费呢？」), a plain yes or no, a run of 「！！！」, and a key to notice it repeated.
/// Works on the line's Unicode scalars; letters are compared case-folded, full-width forms as
/// half-width.
///
/// 「那运费呢？」 → question, follow-up; 「好的」 → yes; 「不用了」 → no; 「到底什么时候到！！！」 → a run.
public struct LineCues: Sendable, Hashable {
    /// The line's letters, digits and Han characters, case-folded and half-width, without spaces
    /// or punctuation: 「那 运费呢？」 → 「那运费呢」.
    public let content: [Unicode.Scalar]
    /// Whether the line asks something (a question mark, 吗 / 呢 / 谁 / 怎么 …, what / how …).
    public let isQuestion: Bool
    /// Whether the line reads as a follow-up to the previous answer: short, and opening with
    /// 那 / 那么 / 还有 / 另外 / and / what about, or ending with 呢.
    public let isFollowUp: Bool
    /// The longest run of ! ！ ? ？ in the line.
    public let exclamationRun: Int
    /// A plain yes (是 / 好的 / 确认 / yes …) or no (不 / 不用了 / 算了 / no …), if the line is one.
    public let answer: YesNo?
    /// Whether the line points back at what was just talked about (这个 / 这单 / 这款 / 它 / 刚才的 /
    /// this / it): 「这个多少钱」, 「帮我把这单取消了」.
    public let refersBack: Bool
    /// Whether the line opens as a request (我要 / 我想 / 帮我 / 麻烦 / 申请 / i want / please …):
    /// 「我要开发票」 inside a free-text answer is a new request, not the answer.
    public let isRequest: Bool

    /// Whether the line says the customer does not have what was asked for (忘了 / 找不到 /
    /// 不记得 / forgot …): 「订单号找不到了」.
    public var lacksValue: Bool { Self.lackList.anyInside(content) }

    /// Whether the line is about the customer's own case (我的 / 我这单 / 我买的 / my order …):
    /// 「我的退款到哪一步了」 asks for their refund, not for the refund policy.
    public var isAboutOwnCase: Bool { Self.ownCaseList.anyInside(content) }

    /// A plain answer to a yes/no question.
    public enum YesNo: Sendable, Hashable { case yes, no }

    /// Longest line (content scalars) still read as a follow-up.
    public static let followUpLength = 16

    public init(_ text: String) {
        var content: [Unicode.Scalar] = []
        var clauses: [Range<Int>] = []   // runs of content between spaces and punctuation
        var clauseStart = 0
        var run = 0, longest = 0, hasQuestionMark = false
        for raw in text.unicodeScalars {
            let scalar = Self.halfWidth(raw)
            let properties = scalar.properties
            guard properties.isAlphabetic || properties.numericType != nil else {
                if content.count > clauseStart { clauses.append(clauseStart..<content.count) }
                clauseStart = content.count
                if scalar == "!" || scalar == "?" {
                    run += 1
                    longest = max(longest, run)
                    if scalar == "?" { hasQuestionMark = true }
                } else {
                    run = 0
                }
                continue
            }
            run = 0
            if properties.changesWhenLowercased {
                content.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            } else {
                content.append(scalar)   // Han characters, digits, lower-case letters: no String per scalar
            }
        }
        if content.count > clauseStart { clauses.append(clauseStart..<content.count) }
        self.content = content
        exclamationRun = longest
        isQuestion = hasQuestionMark || Self.asks(content, clauses: clauses)
        isFollowUp = !content.isEmpty && content.count <= Self.followUpLength && Self.followsUp(content)
        answer = Self.yesNo(content, isQuestion: isQuestion)
        refersBack = Self.pointsBack(content)
        isRequest = Self.opensRequest(content)
    }

    /// The content as text without courtesy words at either end: what a line and a
    /// knowledge-base question are matched by (「亲 少点呗」 = 「少点呗」).
    public var contentText: String { String(String.UnicodeScalarView(core)) }

    /// The matched text without digits: what a line and an intent example are matched by, so
    /// 「帮我查一下订单 20241105123456」 matches the example with any order number (or a masked one).
    public var contentWithoutDigits: String {
        String(String.UnicodeScalarView(core.filter { $0.properties.numericType == nil }))
    }

    /// The content without the courtesy words customers open or close a line with (亲, 在吗,
    /// 你好, 请问, hi …; 亲, 哈, 啊 … at the end); the whole content when nothing else is left.
    var core: ArraySlice<Unicode.Scalar> {
        var core = content[...]
        while let word = Self.courtesyOpeningList.words.first(where: { core.count > $0.count && core.starts(with: $0) }) {
            core.removeFirst(word.count)
        }
        while core.count > 1, let last = core.last, Self.courtesyEndings.contains(last) { core.removeLast() }
        let onlyCourtesy = core.isEmpty || Self.courtesyOpeningList.exact.contains(Array(core))
            || (core.count == 1 && core.first.map(Self.courtesyEndings.contains) == true)
        return onlyCourtesy ? content[...] : core
    }

    /// A stable key of the line's content (hex of a 64-bit hash), nil when it has none; two lines
    /// that differ only in spacing, case or punctuation get the same key.
    public var key: String? {
        guard !content.isEmpty else { return nil }
        var hash = TextKey(namespace: 0x4C49_4E45)   // "LINE"
        for scalar in content { hash.combine(scalar.value) }
        return String(hash.value, radix: 16)
    }

    // MARK: Word lists (small and fixed; a bot adds frustration words in bot.yml)

    static let questionWords = ["吗", "呢", "谁", "什么", "怎么", "怎样", "如何", "多少", "几", "哪", "为什么", "为啥",
                                "是否", "能不能", "可不可以", "会不会", "有没有", "要不要", "是不是", "咋", "啥", "多久", "多长",
                                "能否", "可否", "行不行", "好不好", "对不对", "有无", "问一下", "问下", "请问", "想问", "咨询"]
    /// Words that hold a question word without asking: 「缺了好几块」, 「几十块钱」, 「几乎没用」.
    static let notQuestionWords = ["好几", "十几", "几十", "几百", "几千", "几乎", "没几"]
    /// Words that, with 吧 at the end, make a guess a question: 「不会是假货吧」, 「应该包邮吧」.
    static let guessWords = ["不会", "不是", "应该", "可以", "能", "没", "是"]
    /// Endings that make a statement a question: 「星期六发货不」, 「有货没」, 「能开发票没有」.
    static let questionEndings = ["不", "没", "没有", "嘛", "么"]
    static let englishQuestionStarts = ["what", "how", "who", "when", "where", "why", "which", "can", "could", "do", "does",
                                        "is", "are", "will", "should"]
    static let followUpStarts = ["那么", "那如果", "那", "还有", "另外", "如果是", "whatabout", "howabout", "and", "also"]
    static let yesWords = ["是", "是的", "是啊", "对", "对的", "好", "好的", "好啊", "嗯", "嗯嗯", "行", "可以", "确认", "确定",
                           "没错", "没问题", "要", "需要", "ok", "okay", "yes", "y", "yep", "sure"]
    static let noWords = ["不", "不是", "不要", "不用", "不用了", "不了", "算了", "否", "不对", "不需要", "不行", "别", "先不",
                          "no", "n", "nope", "不取消", "不取消了", "不退了", "不换了"]
    static let backReferences = ["这个", "这款", "这件", "这单", "这笔", "这台", "这双", "那个", "那款", "那单", "那件", "它", "刚才",
                                 "刚刚", "上面", "该订单", "这一单", "同一个"]
    static let ownCaseWords = ["我的", "我这单", "我那单", "我这笔", "我买的", "我下的单", "myorder", "myrefund", "mypackage",
                               "myparcel", "myreturn"]
    static let requestStarts = ["我要", "我想", "我需要", "帮我", "麻烦", "请帮", "申请", "能帮我", "给我",
                                "iwant", "iwould", "ineed", "please", "pls", "help"]
    /// Words that open a line only to be polite or to get attention: 「亲 在吗 请问运费多少」.
    static let courtesyOpenings = ["亲亲", "亲爱的", "亲", "在吗", "在不在", "在么", "在不", "你好", "您好", "请问", "问一下", "问下",
                                   "客服", "老板", "hi", "hello", "hey"]
    /// Words that say a value is not at hand: 「订单号忘了」, 「不记得单号」, 「I forgot it」.
    static let lackWords = ["忘了", "忘记", "不记得", "记不得", "记不住", "记不清", "找不到", "找不着", "不知道", "丢了", "删了",
                            "没有订单号", "没订单号", "没有单号", "forgot", "forget", "dontknow", "dontremember", "cantfind", "lost"]
    /// Yes and no words long enough to open a longer answer (「好的谢谢」, 「算了吧」, 「确认取消」).
    static let openingLength = 2

    // MARK: Tests on the content (scalar arrays: no String search on the hot path)

    private static let questionList = WordList(questionWords), notQuestionList = WordList(notQuestionWords)
    private static let questionEndingList = WordList(questionEndings)
    private static let guessList = WordList(guessWords), lackList = WordList(lackWords)
    private static let englishQuestionList = WordList(englishQuestionStarts), backReferenceList = WordList(backReferences)
    private static let followUpList = WordList(followUpStarts), requestList = WordList(requestStarts)
    private static let yesList = WordList(yesWords), noList = WordList(noWords)
    private static let notAnd: Set<Unicode.Scalar> = Set("个些边里天次款件位".unicodeScalars)
    private static let particles: Set<Unicode.Scalar> = Set("吧啊呀哦嘛呗".unicodeScalars)
    private static let courtesyOpeningList = WordList(courtesyOpenings), ownCaseList = WordList(ownCaseWords)
    /// Closing characters a matched line loses: 「能便宜点吗亲」, 「包邮吗哈」.
    private static let courtesyEndings: Set<Unicode.Scalar> = Set("亲哈啊呀哦".unicodeScalars)

    /// Whether the content asks something: a question word anywhere, a question ending at the
    /// end of a clause (「EMS能发么 我们这边只有邮政」), a guess put as a question (「不会是假货吧」),
    /// or an English question word first.
    private static func asks(_ content: [Unicode.Scalar], clauses: [Range<Int>]) -> Bool {
        if questionList.anyInside(notQuestionList.blanked(in: content)) { return true }
        for clause in clauses where clause.count >= 3 {
            let words = Array(content[clause])
            if questionEndingList.anyEnding(words) { return true }
            if words.last == "吧", guessList.anyInside(words) { return true }
        }
        return englishQuestionList.anyOpening(content, leaving: 3)
    }

    private static func pointsBack(_ content: [Unicode.Scalar]) -> Bool {
        backReferenceList.anyInside(content)
    }

    private static func opensRequest(_ content: [Unicode.Scalar]) -> Bool {
        requestList.anyOpening(content, leaving: 0)
    }

    /// The scalars with a follow-up's opening (那, 那么, 还有 …) and closing particles (呢, 吗, 啊 …)
    /// taken off: 「那冰箱呢」 → 「冰箱」; 「那 20261124143000 呢」 without its value leaves nothing.
    static func withoutFollowUpWords(_ scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var core = scalars[...]
        while let last = core.last, last == "呢" || last == "吗" || particles.contains(last) { core.removeLast() }
        if let start = followUpStarts.first(where: { core.starts(with: $0.unicodeScalars) }) {
            core = core.dropFirst(start.unicodeScalars.count)
        }
        return core
    }

    private static func followsUp(_ content: [Unicode.Scalar]) -> Bool {
        if content.last == "呢" { return true }
        // 「那个订单」「那边」: 那 as "that", not "and then".
        if content.count > 1, content[0] == "那", notAnd.contains(content[1]) { return false }
        return followUpList.anyOpening(content, leaving: 1)
    }

    private static func yesNo(_ content: [Unicode.Scalar], isQuestion: Bool) -> YesNo? {
        guard !content.isEmpty else { return nil }
        var trimmed = content[...]
        while trimmed.count > 1, let last = trimmed.last, particles.contains(last) { trimmed.removeLast() }
        let whole = Array(trimmed)
        if noList.exact.contains(whole) { return .no }
        if yesList.exact.contains(whole) { return .yes }
        guard !isQuestion else { return nil }
        if noList.anyOpening(content, leaving: 0, atLeast: openingLength) { return .no }
        if yesList.anyOpening(content, leaving: 0, atLeast: openingLength) { return .yes }
        return nil
    }

    /// A word list as scalar arrays, for tests on a line's content.
    private struct WordList {
        let words: [[Unicode.Scalar]]
        let exact: Set<[Unicode.Scalar]>

        init(_ words: [String]) {
            self.words = words.map { Array($0.unicodeScalars) }
            exact = Set(self.words)
        }

        /// Whether some word occurs in `content`.
        func anyInside(_ content: [Unicode.Scalar]) -> Bool {
            words.contains { word in
                guard word.count <= content.count else { return false }
                return (0...(content.count - word.count)).contains { start in
                    content[start..<(start + word.count)].elementsEqual(word)
                }
            }
        }

        /// `content` with every occurrence of a word replaced by spaces (content has none).
        func blanked(in content: [Unicode.Scalar]) -> [Unicode.Scalar] {
            var blanked = content
            for word in words where word.count <= content.count {
                for start in 0...(content.count - word.count) where content[start..<(start + word.count)].elementsEqual(word) {
                    blanked.replaceSubrange(start..<(start + word.count), with: repeatElement(" ", count: word.count))
                }
            }
            return blanked
        }

        /// Whether `content` ends with some word.
        func anyEnding(_ content: [Unicode.Scalar]) -> Bool {
            words.contains { $0.count <= content.count && content.suffix($0.count).elementsEqual($0) }
        }

        /// Whether `content` opens with some word of at least `atLeast` scalars and has more than
        /// `leaving` scalars after it.
        func anyOpening(_ content: [Unicode.Scalar], leaving: Int, atLeast: Int = 0) -> Bool {
            words.contains { $0.count >= atLeast && content.count > $0.count + leaving - 1 && content.starts(with: $0) }
        }
    }

    /// Full-width ASCII forms (！ ？ Ａ １) as their half-width letters.
    static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard (0xFF01...0xFF5E).contains(scalar.value) else { return scalar }
        return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
    }
}
