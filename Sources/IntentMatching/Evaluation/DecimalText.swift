/// Numbers as text with a fixed number of decimals, without Foundation.
enum DecimalText {
    /// `value` with exactly `digits` decimals: `fixed(0.92345, digits: 3)` is `"0.923"`.
    static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        let whole = scaled / scale
        let fraction = String(scaled % scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        if digits == 0 { return "\(sign)\(whole)" }
        return "\(sign)\(whole)." + String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
    }

    /// A share as a percentage with one decimal: `percent(0.075)` is `"7.5%"`.
    static func percent(_ share: Double) -> String { fixed(share * 100, digits: 1) + "%" }
}
