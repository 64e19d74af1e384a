import ChatCore
extension Double {
    /// The number with exactly `places` decimals, rounded half away from zero, without a
    /// locale: 0.9351 → "0.94", -1.5 → "-1.50", 12 → "12.00".
    func fixed(_ places: Int = 2) -> String {
        DecimalText.fixed(self, digits: places)
    }
}
