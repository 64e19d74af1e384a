/// Words that appear in questions on every topic (pronouns, particles, question words, polite
/// openers): left out of the features `kefu mine` clusters on, so 「我的积分怎么用」 and
/// 「我的发票怎么开」 are not alike for sharing 我的 and 怎么.
enum FunctionWords {
    static let chinese: Set<String> = [
        "我", "你", "您", "他", "她", "它", "我们", "你们", "的", "了", "吗", "呢", "吧", "啊", "呀", "哦", "嘛", "么",
        "是", "在", "有", "和", "就", "都", "也", "还", "又", "很", "要", "想", "会", "能", "可以", "能不能", "可不可以",
        "怎么", "怎样", "怎么样", "如何", "什么", "哪", "哪里", "哪个", "为什么", "多少", "几", "是不是", "有没有",
        "请问", "请", "一下", "这个", "那个", "这", "那", "一个", "个", "吗？", "呢？", "么样", "现在", "下",
    ]
    static let english: Set<String> = [
        "the", "a", "an", "is", "are", "am", "do", "does", "did", "can", "could", "will", "would", "i", "you", "my",
        "your", "me", "to", "of", "for", "in", "on", "at", "it", "this", "that", "how", "what", "where", "when",
        "why", "which", "be", "there", "any", "and", "or", "with", "from", "please", "pls", "plz", "hi", "hello",
    ]
    /// Characters that make a bigram meaningless when both halves are among them (怎么, 的吗, 我的).
    static let characters: Set<Unicode.Scalar> = [
        "我", "你", "您", "的", "了", "吗", "呢", "吧", "啊", "呀", "么", "怎", "是", "在", "有", "能", "可", "以",
        "请", "问", "一", "下", "这", "那", "个", "什", "哪", "几", "要", "想", "会", "不",
    ]

    static func isFunctionPair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        characters.contains(first) && characters.contains(second)
    }
}
