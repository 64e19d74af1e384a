/// Numbers as text with a fixed number of decimals, rounded half away from zero, without
/// Foundation or a locale — one rule for every report, reason and diff.
public enum DecimalText {
    /// `value` with exactly `digits` decimals: `fixed(0.92345, digits: 3)` is `"0.923"`,
    /// `fixed(-1.5, digits: 2)` is `"-1.50"`; infinities and values too large for the scale are
    /// written as Swift writes them.
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale: Int64 = 1
        for _ in 0..<max(0, digits) { scale *= 10 }
        let scaledValue = (abs(value) * Double(scale)).rounded()
        guard scaledValue < 9e15 else { return "\(value)" }
        let scaled = Int64(scaledValue)
        let whole = scaled / scale
        let fraction = String(scaled % scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        if digits <= 0 { return "\(sign)\(whole)" }
        return "\(sign)\(whole)." + String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
    }

    /// A share as a percentage with one decimal: `percent(0.075)` is `"7.5%"`.
    public static func percent(_ share: Double) -> String { fixed(share * 100, digits: 1) + "%" }
}
