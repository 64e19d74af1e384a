/// A value found in a customer's line: an order number, a phone number, an amount of money, a date.
///
/// In 「明天下午三点前退350元到13812345678」 the entities are a `time` (明天下午三点), a `money`
/// (350元) and a `phone` (13812345678), each with its exact place in the line.
public struct Entity: Hashable, Sendable {
    /// The entity's name: a built-in (`phone`, `money`, `date`, …) or one the bot declares (`order_id`).
    public var name: String
    /// The normalised value (`"13812345678"`, 350 CNY, `"2026-11-24"`).
    public var value: EntityValue
    /// The text as the customer typed it.
    public var text: String
    /// Offsets in the Unicode scalars of the line.
    public var scalarRange: Range<Int>
    /// What found it, for `:why`.
    public var source: Source

    public init(name: String, value: EntityValue, text: String, scalarRange: Range<Int>, source: Source) {
        self.name = name
        self.value = value
        self.text = text
        self.scalarRange = scalarRange
        self.source = source
    }

    /// What found an entity.
    public enum Source: String, Hashable, Sendable {
        /// One of Kefu's built-in extractors.
        case builtIn
        /// A bot's regex entity.
        case pattern
        /// A bot's lookup list (values with synonyms).
        case lookup
    }
}

/// The normalised value of an entity.
public enum EntityValue: Hashable, Sendable {
    /// Text: phone numbers, e-mail addresses, URLs, ISO dates (`2026-11-24`), local ISO date-times
    /// (`2026-11-24T15:00`), ISO durations (`P3D`), a regex match, a lookup list's canonical value.
    case text(String)
    /// A number: 三百二十 → 320, 1.5万 → 15000.
    case number(Double)
    /// An amount of money: ¥350 → 350 CNY.
    case money(amount: Double, currency: String)
}
