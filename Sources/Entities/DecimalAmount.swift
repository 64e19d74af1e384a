/// An exact decimal number, `mantissa / 10^scale`, so that 99块9 is exactly 99.9 and 1.23万 exactly
/// 12300 before the one conversion to `Double`.
///
/// Values stay within ±10^15, where every integer is exact in a `Double`; arithmetic that would go
/// beyond returns `nil`, and the text is then not read as a number.
struct DecimalAmount: Hashable, Sendable {
    /// The digits.
    var mantissa: Int64
    /// How many of them are after the decimal point (0…15).
    var scale: Int

    static let limit: Int64 = 1_000_000_000_000_000
    static let zero = DecimalAmount(0)
    static let oneHalf = DecimalAmount(5).divided(byPowerOfTen: 1) ?? .zero

    init(_ integer: Int64) {
        mantissa = integer
        scale = 0
    }

    init?(mantissa: Int64, scale: Int) {
        guard abs(mantissa) < Self.limit, (0...15).contains(scale) else { return nil }
        self.mantissa = mantissa
        self.scale = scale
        normalize()
    }

    /// The nearest `Double` (exact for integers; one correctly rounded division otherwise).
    var doubleValue: Double { Double(mantissa) / Self.powerOfTen(scale) }

    var isInteger: Bool { scale == 0 }
    var isZero: Bool { mantissa == 0 }

    /// The whole part, rounding toward zero: 2.5 → 2.
    var integerPart: Int64 { scale == 0 ? mantissa : mantissa / Int64(Self.powerOfTen(scale)) }

    /// What is left after the whole part: 2.5 → 0.5.
    var fractionalPart: DecimalAmount {
        guard scale > 0 else { return .zero }
        return DecimalAmount(mantissa: mantissa % Int64(Self.powerOfTen(scale)), scale: scale) ?? .zero
    }

    /// `self × factor`, or `nil` beyond ±10^15.
    func multiplied(by factor: Int64) -> DecimalAmount? {
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        return DecimalAmount(mantissa: product, scale: scale)
    }

    /// `self × 10^power`.
    func multiplied(byPowerOfTen power: Int) -> DecimalAmount? {
        if power <= scale { return DecimalAmount(mantissa: mantissa, scale: scale - power) }
        return DecimalAmount(mantissa: mantissa, scale: 0)?.multiplied(by: Int64(Self.powerOfTen(power - scale)))
    }

    /// `self / 10^power`: 20 → 0.2 for 百分之二十.
    func divided(byPowerOfTen power: Int) -> DecimalAmount? { DecimalAmount(mantissa: mantissa, scale: scale + power) }

    static func + (left: DecimalAmount, right: DecimalAmount) -> DecimalAmount? {
        let scale = max(left.scale, right.scale)
        guard let a = left.mantissa.scaledUp(by: scale - left.scale),
              let b = right.mantissa.scaledUp(by: scale - right.scale) else { return nil }
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : DecimalAmount(mantissa: sum, scale: scale)
    }

    private mutating func normalize() {
        while scale > 0, mantissa % 10 == 0 {
            mantissa /= 10
            scale -= 1
        }
    }

    static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}

private extension Int64 {
    /// `self × 10^digits`, or `nil` on overflow.
    func scaledUp(by digits: Int) -> Int64? {
        var value = self
        for _ in 0..<digits {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = next
        }
        return value
    }
}
