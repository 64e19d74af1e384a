/// Builds one JSON object a line straight into UTF-8 bytes, keys in the order they are written;
/// non-ASCII text goes out as is (「您好」, not `\u60a8\u597d`).
///
/// ```swift
/// var line = JSONLine()
/// line.open(); line.key("session"); line.string("c42"); line.key("reset"); line.bool(true); line.close()
/// // {"session":"c42","reset":true}
/// ```
public struct JSONLine {
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// `{`
    public mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// `}`
    public mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// `[`
    public mutating func openArray() {
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Before each element of an array: the comma after the one before.
    public mutating func element() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    /// `]`
    public mutating func closeArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// `"name":`, after a comma when a member came before.
    public mutating func key(_ name: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = true
    }

    /// `"name":` for a key known only at run time (a slot name).
    public mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = true
    }

    public mutating func string(_ text: String) { appendString(text) }

    public mutating func string(_ text: String?) {
        if let text { appendString(text) } else { null() }
    }

    public mutating func null() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    public mutating func bool(_ value: Bool) {
        if value { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    /// A whole number in decimal.
    public mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// A probability rounded to four decimals (`0.9412`, `1`).
    public mutating func score(_ value: Double) {
        guard value.isFinite else { return null() }
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded() { integer(Int(rounded)) } else { bytes.append(contentsOf: rounded.description.utf8) }
    }

    /// A number in the shortest form that reads back exactly (`1765108123.25`), null when not finite.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        if value == value.rounded(), abs(value) < 1e15 { integer(Int(value)) } else { bytes.append(contentsOf: value.description.utf8) }
    }

    /// JSON text already encoded (an echoed `id`).
    public mutating func raw(_ json: [UInt8]) { bytes.append(contentsOf: json) }

    /// An object of string values with keys in sorted order: `{"order_id":"20241105123456"}`.
    public mutating func stringMap(_ map: [String: String]) {
        open()
        for key in map.keys.sorted() {
            self.key(key)
            appendString(map[key] ?? "")
        }
        close()
    }

    /// The line break that ends the line.
    public mutating func endLine() { bytes.append(0x0A) }

    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                var escape: (UInt8, UInt8)? = nil   // a two-byte escape, or a \u escape when the second is 0
                switch byte {
                case UInt8(ascii: "\""): escape = (UInt8(ascii: "\\"), UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): escape = (UInt8(ascii: "\\"), UInt8(ascii: "\\"))
                case 0x0A: escape = (UInt8(ascii: "\\"), UInt8(ascii: "n"))
                case 0x0D: escape = (UInt8(ascii: "\\"), UInt8(ascii: "r"))
                case 0x09: escape = (UInt8(ascii: "\\"), UInt8(ascii: "t"))
                case ..<0x20: escape = (byte, 0)
                case 0xE2 where index + 2 < count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = (utf8[index + 2] == 0xA8 ? 0x28 : 0x29, 1)   // U+2028 / U+2029 break JavaScript lines
                default: break
                }
                guard let escape else { index += 1; continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch escape.1 {
                case 0: appendUnicodeEscape(UInt16(escape.0)); index += 1
                case 1: appendUnicodeEscape(0x2000 | UInt16(escape.0)); index += 3
                default: bytes.append(escape.0); bytes.append(escape.1); index += 1
                }
                start = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendUnicodeEscape(_ value: UInt16) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"),
                                  hex[Int(value >> 12 & 0xF)], hex[Int(value >> 8 & 0xF)], hex[Int(value >> 4 & 0xF)], hex[Int(value & 0xF)]])
    }
}
