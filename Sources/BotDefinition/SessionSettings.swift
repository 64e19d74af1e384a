/// How long sessions live (`sessions:` in bot.yml):
///
/// ```yaml
/// sessions: { idle_timeout: 30m, retention: 90d }
/// ```
///
/// After `idle_timeout` of silence a customer's next line starts a fresh dialogue context (no
/// intent, slot or open question of before) while the conversation's history goes on;
/// `retention` is how long `kefu store prune` and the server keep a session nobody wrote to.
public struct SessionSettings: Hashable, Sendable {
    /// Seconds; nil: never (`idle_timeout: off`).
    public var idleTimeout: Double? = 30 * 60
    /// Seconds; nil: keep forever (the default).
    public var retention: Double?

    public init(idleTimeout: Double? = 30 * 60, retention: Double? = nil) {
        self.idleTimeout = idleTimeout
        self.retention = retention
    }

    /// Seconds in a span written as a number and a unit: `45s`, `30m`, `2h`, `90d`, `2w`
    /// (a bare number is seconds); nil for anything else.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingWhitespace().lowercased()
        guard let unit = trimmed.last else { return nil }
        let scale: Double
        var number = Substring(trimmed)
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3_600
        case "d": scale = 86_400
        case "w": scale = 7 * 86_400
        default:
            guard unit.isNumber else { return nil }
            scale = 1
        }
        if !unit.isNumber { number = number.dropLast() }
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        return value * scale
    }
}
