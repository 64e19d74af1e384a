/// The entities Kefu finds without being told (DESIGN §6); a bot's slots may name them directly.
public enum BuiltInEntity: String, CaseIterable, Hashable, Sendable {
    /// Mainland mobile numbers: 13812345678, 138-1234-5678, +86 138 1234 5678 → `"13812345678"`.
    case phone
    /// E-mail addresses, lower-cased: Li.Wei@example.com → `"li.wei@example.com"`.
    case email
    /// Numbers in digits or Chinese numerals: 三百二十 → 320, 1.5万 → 15000, 3,200 → 3200.
    case number
    /// Amounts of money: ¥350, 三百五十块, 99块9 → 99.9 CNY.
    case money
    /// Dates, absolute or relative to the reference time: 明天, 下周三, 11月5日 → `"2026-11-24"`.
    case date
    /// Dates with a time of day: 明天下午三点 → `"2026-11-24T15:00"`.
    case time
    /// Lengths of time: 三天 → `"P3D"`, 两个小时 → `"PT2H"`, 半个月 → `"P15D"`.
    case duration
    /// Web addresses, as typed.
    case url

    /// Whether `name` is a built-in entity's name.
    public static func isBuiltIn(_ name: String) -> Bool { BuiltInEntity(rawValue: name) != nil }
}
