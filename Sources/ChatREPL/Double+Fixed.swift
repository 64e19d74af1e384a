extension Double {
    /// The number with exactly `places` decimals, rounded half away from zero, without a
    /// locale: 0.9351 → "0.94", -1.5 → "-1.50", 12 → "12.00".
    func fixed(_ places: Int = 2) -> String {
        guard isFinite else { return "\(self)" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(self) * scale).rounded()
        guard scaled < 1e15 else { return "\(self)" }
        let units = Int(scaled)
        let whole = units / Int(scale)
        let fraction = String(units % Int(scale))
        let sign = self < 0 && units != 0 ? "-" : ""
        guard places > 0 else { return sign + String(whole) }
        return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
