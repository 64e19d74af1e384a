import Foundation

/// The settings of a bot from the optional `bot.yml` at the root of its folder: its name, the
/// system messages in its own words, how many misses in a row hand the conversation to a human,
/// and extra words that show a customer is upset.
///
/// ```yaml
/// # bot.yml
/// name: 小蜜
/// time_zone: Asia/Shanghai
/// messages:
///   handoff: 好的，马上为您转接人工客服，请稍候。
/// fallback: { handoff_after: 2 }
/// frustration: { words: [太坑了, 磨磨唧唧], impatience: [急死人] }
/// privacy: { mask: true }
/// sessions: { idle_timeout: 30m, retention: 90d }
/// tables: { orders: { find_by: { column: phone, entity: phone }, prompt: 请告诉我下单手机号。 } }
/// ```
/// A folder without `bot.yml` gets `BotSettings()`: the name 「智能客服」, the Chinese default
/// messages, the machine's time zone, a hand-off after 2 misses, no extra words, personal data masked,
/// a fresh dialogue context after 30 minutes of silence, sessions kept forever.
public struct BotSettings: Hashable, Sendable {
    /// What the bot calls itself (`{name}` in messages).
    public var name: String
    /// The zone relative dates and times are read in (「明天」, 「下午三点」): the shop's, not the
    /// server's. nil: the machine's zone.
    public var timeZone: TimeZone?
    public var messages: BotMessages
    /// Misses in a row (lines neither an intent nor a knowledge-base answer understood) after
    /// which a human takes over; the misses before it ask the customer to rephrase.
    public var handoffAfterMisses: Int
    /// Words or phrases that show a customer is upset (an apology and the offer of a human),
    /// besides the built-in lexicon.
    public var frustrationWords: [String]
    /// Words or phrases that show a customer is impatient (an apology, then the request served
    /// when the line carries one), besides the built-in lexicon.
    public var impatienceWords: [String] = []
    /// Whether personal data is masked in transcripts, the session store and debug output.
    public var privacy: PrivacySettings
    /// How rows are found without their key, by table name (`tables:` in bot.yml).
    public var alternateKeys: [String: AlternateKey] = [:]
    /// The idle timeout and how long sessions are kept (`sessions:` in bot.yml).
    public var sessions = SessionSettings()

    public init(name: String = "智能客服", timeZone: TimeZone? = nil, messages: BotMessages = BotMessages(), handoffAfterMisses: Int = 2,
                frustrationWords: [String] = [], privacy: PrivacySettings = PrivacySettings()) {
        self.name = name
        self.timeZone = timeZone
        self.messages = messages
        self.handoffAfterMisses = handoffAfterMisses
        self.frustrationWords = frustrationWords
        self.privacy = privacy
    }

    /// Renders a message with the bot's name and `values` for its other placeholders; nil when
    /// the message names a value that is not given.
    public func say(_ message: KeyPath<BotMessages, ReplyTemplate>, _ values: [String: String] = [:]) -> String? {
        var values = values
        values["name"] = values["name"] ?? name
        return messages[keyPath: message].render(slots: values)
    }
}
