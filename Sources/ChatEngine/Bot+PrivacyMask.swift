import BotDefinition
import Privacy

extension Bot {
    /// The mask for everything written about this bot's conversations to disk or a log
    /// (transcripts, the session store, debug output): on unless bot.yml says
    /// `privacy: { mask: false }`.
    public var privacyMask: PrivacyMask { PrivacyMask(isEnabled: settings.privacy.mask) }
}

extension ChatEngine {
    /// The bot's ``BotDefinition/Bot/privacyMask``: `engine.privacyMask.mask("13812345678")` is
    /// `138****5678` unless the bot turned masking off.
    public var privacyMask: PrivacyMask { bot.privacyMask }
}
