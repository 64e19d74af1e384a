/// Session names: the random ones the server hands out to web customers, and the rules any
/// client-chosen name must keep.
public enum SessionID {
    /// The longest session name accepted, in characters (Unicode scalars).
    public static let maximumLength = 256

    /// A new random session name: 32 hexadecimal digits (128 bits from the system's random
    /// source), which nobody can guess, so holding it is what lets a customer into the session.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for _ in 0..<2 {
            var word = generator.next() as UInt64
            for _ in 0..<16 {
                bytes.append(digits[Int(word & 0xF)])
                word >>= 4
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `name` can name a session: 1…256 characters, none of them a control character.
    public static func isValid(_ name: String) -> Bool {
        var count = 0
        for scalar in name.unicodeScalars {
            count += 1
            if count > maximumLength || scalar.properties.generalCategory == .control { return false }
        }
        return count > 0
    }
}
