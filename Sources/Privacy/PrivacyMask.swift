/// Masks personal data in text before it is written to disk or a log: mainland mobile numbers
/// (`13812345678` → `138****5678`), ID-card numbers (18 digits with a valid check digit), bank-card
/// numbers (valid Luhn) and e-mail addresses.
///
/// PLACEHOLDER: returns the text unchanged until the privacy work lands.
public struct PrivacyMask: Sendable, Hashable {
    /// Whether masking is on (a bot may turn it off in bot.yml).
    public var isEnabled: Bool

    public init(isEnabled: Bool = true) {
        self.isEnabled = isEnabled
    }

    /// `text` with every personal value masked (unchanged when masking is off).
    public func mask(_ text: String) -> String {
        text
    }
}
