import ChatCore

extension EntityValue {
    /// The value as JSON for `kefu parse`: text as a string, a number without a trailing `.0`
    /// (三百二十 → `320`, 99块9 → `99.9`), money as `{"amount":350,"currency":"CNY"}`.
    public var jsonValue: JSONValue {
        switch self {
        case .text(let text): return .string(text)
        case .number(let number): return .number(number)
        case .money(let amount, let currency): return .object(["amount": .number(amount), "currency": .string(currency)])
        }
    }

    /// ``jsonValue`` as compact JSON text: `"2026-11-24"`, `320`, `{"amount":99.9,"currency":"CNY"}`.
    public var jsonText: String { jsonValue.text }
}
