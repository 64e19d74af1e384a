/// The system messages a bot says in its own voice: the rephrase request, the hand-off, the
/// apology to an upset customer, "back to the question" and the rest. Each has a Chinese default
/// and may be overridden under `messages:` in the bot folder's `bot.yml`.
///
/// ```yaml
/// messages:
///   fallback: 不好意思，{name}没听明白，您能换个说法吗？
///   handoff: 好的，马上为您转接人工客服。
/// ```
/// Every message may name `{name}` (the bot's name); `slot_invalid` may also name `{value}`,
/// `{length}` and `{expected}`, and `lookup_missing` `{value}`.
public struct BotMessages: Hashable, Sendable {
    /// The reply to a greeting when the `greeting` intent has no `reply:`.
    public var greeting: ReplyTemplate
    /// The reply to thanks when the `thanks` intent has no `reply:`.
    public var thanks: ReplyTemplate
    /// The reply to a goodbye when the `goodbye` intent has no `reply:`.
    public var goodbye: ReplyTemplate
    /// The reply to a bare yes or no when nothing was asked.
    public var acknowledge: ReplyTemplate
    /// The first miss: ask the customer to say it another way.
    public var fallback: ReplyTemplate
    /// The customer asked for a human (「转人工」).
    public var handoff: ReplyTemplate
    /// Misses in a row reached `fallback.handoff_after`: a human takes over.
    public var handoffAfterMisses: ReplyTemplate
    /// Every line after the hand-off (until a reset).
    public var handedOff: ReplyTemplate
    /// An upset customer: apologise and offer a human.
    public var frustration: ReplyTemplate
    /// An impatient line that still carries a request: said before the request's reply.
    public var apology: ReplyTemplate
    /// Upset again after the offer: a human takes over without asking again.
    public var frustrationHandoff: ReplyTemplate
    /// The customer said no to the offer of a human.
    public var offerDeclined: ReplyTemplate
    /// The customer said no to a confirmation or to the form being filled: nothing was done.
    public var declined: ReplyTemplate
    /// Said before a form's pending question after a digression (「回到刚才的问题：」).
    public var resume: ReplyTemplate
    /// A confirmation got an answer that is neither yes nor no.
    public var confirmHint: ReplyTemplate
    /// The conversation starts over.
    public var reset: ReplyTemplate
    /// A slot's value has the wrong number of digits (`{value}`, `{length}`, `{expected}`).
    public var slotInvalid: ReplyTemplate
    /// A slot's value has the wrong shape, and no length is known (`{value}`).
    public var slotInvalidFormat: ReplyTemplate
    /// A lookup found no row for `{value}`.
    public var lookupMissing: ReplyTemplate
    /// An intent with slots but no `reply:` once its form is complete.
    public var done: ReplyTemplate
    /// The question for a slot that has no `prompt:` (`{slot}` is the slot's name).
    public var slotPrompt: ReplyTemplate
    /// The offer of a value the customer gave earlier, for a slot without `reuse:` (`{value}`).
    public var reuse: ReplyTemplate

    /// The Chinese defaults.
    public init() {
        greeting = .plain("您好，我是{name}，请问有什么可以帮您？")
        thanks = .plain("不客气，很高兴能帮到您！还有其他问题随时找我。")
        goodbye = .plain("感谢您的咨询，祝您生活愉快，再见！")
        acknowledge = .plain("好的。还有什么可以帮您？")
        fallback = .plain("抱歉，我没有理解您的意思，能换个说法吗？")
        handoff = .plain("好的，正在为您转接人工客服，请稍候。")
        handoffAfterMisses = .plain("抱歉，我还是没能理解您的问题，已为您转接人工客服，请稍候。")
        handedOff = .plain("您的对话已转接人工客服，客服人员会尽快回复您。如需{name}继续为您服务，请说「重新开始」。")
        frustration = .plain("非常抱歉给您带来了不好的体验！需要我为您转接人工客服吗？")
        frustrationHandoff = .plain("非常抱歉，已为您转接人工客服，请稍候。")
        apology = .plain("非常抱歉给您带来不便！")
        offerDeclined = .plain("好的，那我继续为您服务。")
        declined = .plain("好的，没有为您办理，一切保持原样。还有什么可以帮您？")
        resume = .plain("回到刚才的问题：")
        confirmHint = .plain("请回复「是」确认，或回复「不」放弃。")
        reset = .plain("好的，我们重新开始。请问有什么可以帮您？")
        slotInvalid = .plain("您输入的 {value} 是 {length} 位，应为 {expected} 位数字，请核对后重新输入。")
        slotInvalidFormat = .plain("您输入的 {value} 格式不正确，请核对后重新输入。")
        lookupMissing = .plain("没有找到 {value} 的记录，请核对后重新输入。")
        done = .plain("好的，已为您登记。")
        slotPrompt = .plain("请提供{slot}。")
        reuse = .plain("是 {value} 吗？")
    }

    /// One message's key in `bot.yml`, the placeholders it may name besides `{name}`, and its place.
    struct Key {
        var name: String
        var placeholders: [String]
        var path: WritableKeyPath<BotMessages, ReplyTemplate>
    }

    /// The names of the message keys of `bot.yml`, in the order documented.
    public static var keyNames: [String] { keys.map(\.name) }

    /// Every message key of `bot.yml`, in the order documented.
    static var keys: [Key] {
        [
            Key(name: "greeting", placeholders: [], path: \.greeting),
            Key(name: "thanks", placeholders: [], path: \.thanks),
            Key(name: "goodbye", placeholders: [], path: \.goodbye),
            Key(name: "acknowledge", placeholders: [], path: \.acknowledge),
            Key(name: "fallback", placeholders: [], path: \.fallback),
            Key(name: "handoff", placeholders: [], path: \.handoff),
            Key(name: "handoff_after_misses", placeholders: [], path: \.handoffAfterMisses),
            Key(name: "handed_off", placeholders: [], path: \.handedOff),
            Key(name: "frustration", placeholders: [], path: \.frustration),
            Key(name: "frustration_handoff", placeholders: [], path: \.frustrationHandoff),
            Key(name: "apology", placeholders: [], path: \.apology),
            Key(name: "offer_declined", placeholders: [], path: \.offerDeclined),
            Key(name: "declined", placeholders: [], path: \.declined),
            Key(name: "resume", placeholders: [], path: \.resume),
            Key(name: "confirm_hint", placeholders: [], path: \.confirmHint),
            Key(name: "reset", placeholders: [], path: \.reset),
            Key(name: "slot_invalid", placeholders: SlotDefinition.invalidPlaceholders, path: \.slotInvalid),
            Key(name: "slot_invalid_format", placeholders: ["value"], path: \.slotInvalidFormat),
            Key(name: "lookup_missing", placeholders: ["value"], path: \.lookupMissing),
            Key(name: "done", placeholders: [], path: \.done),
            Key(name: "slot_prompt", placeholders: ["slot"], path: \.slotPrompt),
            Key(name: "reuse", placeholders: ["value"], path: \.reuse),
        ]
    }
}

extension ReplyTemplate {
    /// A template known to be well formed (the built-in messages); text that does not parse is
    /// kept as plain text.
    static func plain(_ source: String) -> ReplyTemplate {
        (try? ReplyTemplate(parsing: source)) ?? ReplyTemplate(text: source)
    }

    /// A template that is only text, braces and all.
    public init(text: String) {
        self.source = text
        self.parts = text.isEmpty ? [] : [.text(text)]
    }
}
