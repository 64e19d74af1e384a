/// Whether a bot masks personal data in what it writes to disk and logs: saved transcripts, the
/// session store's history and state, debug output.
///
/// ```yaml
/// # bot.yml
/// privacy: { mask: true }    # the default: 13812345678 is written 138****5678
/// ```
/// `mask: false` writes everything as typed (a test bot, say). Masking never changes what the
/// bot understands: slots are filled with the values as typed.
public struct PrivacySettings: Hashable, Sendable {
    /// Mask mobile, ID-card and bank-card numbers and e-mail addresses (default true).
    public var mask: Bool

    public init(mask: Bool = true) {
        self.mask = mask
    }
}
