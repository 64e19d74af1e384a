/// Strict JSON reading (RFC 8259) straight from UTF-8 bytes, for JSON-lines front ends.
///
/// `{"session":"c42","text":"我想退货"}` → `.object([("session", "c42"), ("text", "我想退货")])`.
/// Strict: one value and nothing after it but whitespace; no trailing commas, comments, single
/// quotes, `NaN`, leading zeros or duplicate keys; strings must be valid UTF-8 without raw
/// control characters; `\u` escapes must pair their surrogates. Errors name the byte offset and
/// what was expected.
extension JSONValue {
    /// Reads one JSON value from `bytes`.
    ///
    /// - Complexity: O(n) in the number of bytes; nesting deeper than `maxDepth` is refused, so
    ///   the recursion stays small whatever the input.
    public init(parsing bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 128) throws(ParseError) {
        var parser = Parser(bytes: bytes, maxDepth: maxDepth)
        self = try parser.parseDocument()
    }

    /// Reads one JSON value from `text`.
    public init(parsing text: String, maxDepth: Int = 128) throws(ParseError) {
        var text = text
        let result: Result<JSONValue, ParseError> = text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes, maxDepth: maxDepth)
            do throws(ParseError) { return .success(try parser.parseDocument()) } catch { return .failure(error) }
        }
        self = try result.get()
    }

    /// Reads a JSON object and the byte range each member's value spans in `bytes`, so a value can
    /// be passed on exactly as written (an `id` of `12345678901234567890` keeps every digit). A
    /// valid JSON value that is not an object gives `nil`.
    public static func parseObject(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 128)
        throws(ParseError) -> (members: [Member], valueRanges: [Range<Int>])?
    {
        var parser = Parser(bytes: bytes, maxDepth: maxDepth)
        var ranges: [Range<Int>]? = []
        parser.skipWhitespace()
        guard parser.peek == UInt8(ascii: "{") else {
            _ = try parser.parseDocument()
            return nil
        }
        guard case .object(let members) = try parser.parseObject(depth: 1, valueRanges: &ranges) else { return nil }
        try parser.expectEnd()
        return (members, ranges ?? [])
    }

    /// Why bytes are not one JSON value: the byte offset where reading stopped and what was wrong.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What kind of fault.
        public enum Kind: String, Hashable, Sendable {
            /// The bytes are not JSON (an unexpected byte, an unfinished value, trailing text).
            case syntax
            /// A string holds bytes that are not UTF-8.
            case invalidUTF8
            /// Arrays and objects are nested deeper than allowed.
            case tooDeep
        }

        public var kind: Kind
        /// The 0-based byte offset the fault was found at.
        public var offset: Int
        /// What was wrong, for a person: `expected ':' after an object key`.
        public var problem: String

        public init(kind: Kind, offset: Int, problem: String) {
            self.kind = kind
            self.offset = offset
            self.problem = problem
        }

        public var description: String { "\(problem) at byte \(offset + 1)" }
    }
}

/// The recursive-descent reader behind ``JSONValue/init(parsing:maxDepth:)``.
private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func parseDocument() throws(JSONValue.ParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        try expectEnd()
        return value
    }

    mutating func expectEnd() throws(JSONValue.ParseError) {
        skipWhitespace()
        if index < bytes.count { throw fault("unexpected \(describe(bytes[index])) after the JSON value") }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        guard let byte = peek else { throw fault(depth == 0 ? "no JSON value (the input is empty)" : "the input ends where a value was expected") }
        switch byte {
        case UInt8(ascii: "{"):
            var unused: [Range<Int>]? = nil
            return try parseObject(depth: depth + 1, valueRanges: &unused)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fault("unexpected \(describe(byte)) where a value was expected")
        }
    }

    mutating func parseObject(depth: Int, valueRanges: inout [Range<Int>]?) throws(JSONValue.ParseError) -> JSONValue {
        guard depth <= maxDepth else { throw JSONValue.ParseError(kind: .tooDeep, offset: index, problem: "arrays and objects nested deeper than \(maxDepth)") }
        index += 1   // {
        var members: [JSONValue.Member] = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else {
                throw fault(peek == nil ? "the input ends inside an object" : "expected a string key in double quotes, found \(describe(bytes[index]))")
            }
            let keyStart = index
            let key = try parseString()
            if members.contains(where: { $0.key == key }) {
                throw JSONValue.ParseError(kind: .syntax, offset: keyStart, problem: "duplicate key \"\(key)\"")
            }
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw fault("expected ':' after the key \"\(key)\"") }
            index += 1
            skipWhitespace()
            let valueStart = index
            let value = try parseValue(depth: depth)
            valueRanges?.append(valueStart..<index)
            members.append(JSONValue.Member(key, value))
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            case nil: throw fault("the input ends inside an object (missing '}')")
            case let byte?: throw fault("expected ',' or '}' in an object, found \(describe(byte))")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        guard depth <= maxDepth else { throw JSONValue.ParseError(kind: .tooDeep, offset: index, problem: "arrays and objects nested deeper than \(maxDepth)") }
        index += 1   // [
        var values: [JSONValue] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") { index += 1; return .array(values) }
        while true {
            skipWhitespace()
            values.append(try parseValue(depth: depth))
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(values)
            case nil: throw fault("the input ends inside an array (missing ']')")
            case let byte?: throw fault("expected ',' or ']' in an array, found \(describe(byte))")
            }
        }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONValue.ParseError) {
        let start = index
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw fault("unexpected \(describe(bytes[index])) where a value was expected") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            index = start
            throw fault("unexpected \(describe(bytes[index])) where a value was expected")
        }
        index += count
    }

    /// A number by the JSON grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    mutating func parseNumber() throws(JSONValue.ParseError) -> Double {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, isDigit(first) else { throw fault("expected a digit after '-'") }
        index += 1
        if first == UInt8(ascii: "0"), let next = peek, isDigit(next) { throw fault("a number must not start with 0") }
        var isInteger = true
        skipDigits()
        if peek == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let digit = peek, isDigit(digit) else { throw fault("expected a digit after the decimal point") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek, isDigit(digit) else { throw fault("expected a digit in the exponent") }
            skipDigits()
        }
        if isInteger, index - start <= 15 {   // exact in a Double: add up the digits
            var value = 0
            var position = start
            let negative = bytes[position] == UInt8(ascii: "-")
            if negative { position += 1 }
            while position < index { value = value * 10 + Int(bytes[position] - UInt8(ascii: "0")); position += 1 }
            return Double(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text) else { throw JSONValue.ParseError(kind: .syntax, offset: start, problem: "unreadable number \(text)") }
        return value
    }

    @inline(__always)
    mutating func skipDigits() { while let byte = peek, isDigit(byte) { index += 1 } }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A string from its opening quote to its closing one; escapes resolved, UTF-8 checked.
    mutating func parseString() throws(JSONValue.ParseError) -> String {
        index += 1   // "
        let start = index
        // Fast path: no escapes, so the string is the bytes between the quotes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return try string(UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), startingAt: start)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fault("a raw control character (\(describe(byte))) inside a string; write it as an escape such as \\n") }
            index += 1
        }
        var unescaped = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try unescaped.withUnsafeBufferPointer { buffer throws(JSONValue.ParseError) in try string(buffer, startingAt: start) }
            case UInt8(ascii: "\\"):
                try appendEscape(to: &unescaped)
            case ..<0x20:
                throw fault("a raw control character (\(describe(byte))) inside a string; write it as an escape such as \\n")
            default:
                unescaped.append(byte)
                index += 1
            }
        }
        throw fault("the input ends inside a string (missing closing '\"')")
    }

    /// The string of UTF-8 `bytes`, or an `invalidUTF8` error at the string's start.
    func string(_ bytes: UnsafeBufferPointer<UInt8>, startingAt start: Int) throws(JSONValue.ParseError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw JSONValue.ParseError(kind: .invalidUTF8, offset: start, problem: "a string holds bytes that are not UTF-8")
        }
        return text
    }

    mutating func appendEscape(to output: inout [UInt8]) throws(JSONValue.ParseError) {
        index += 1   // backslash
        guard let byte = peek else { throw fault("the input ends inside an escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(byte)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hexQuad()
            if (0xD800...0xDBFF).contains(value) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw fault("a \\u escape of a high surrogate must be followed by a low surrogate")
                }
                index += 2
                let low = try hexQuad()
                guard (0xDC00...0xDFFF).contains(low) else { throw fault("a \\u escape of a high surrogate must be followed by a low surrogate") }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(value) {
                throw fault("a \\u escape of a low surrogate without a high one before it")
            }
            guard let scalar = Unicode.Scalar(value) else { throw fault("\\u escape of an invalid scalar") }
            appendUTF8(scalar.value, to: &output)
        default:
            index -= 1
            throw fault("unknown escape \\\(describe(byte)); JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
    }

    func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case ..<0x80: output.append(UInt8(value))
        case ..<0x800: output.append(contentsOf: [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)])
        case ..<0x10000:
            output.append(contentsOf: [UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)])
        default:
            output.append(contentsOf: [UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F),
                                       UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)])
        }
    }

    mutating func hexQuad() throws(JSONValue.ParseError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw fault("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fault("a \\u escape needs four hex digits, found \(describe(byte))")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    func fault(_ problem: String) -> JSONValue.ParseError {
        JSONValue.ParseError(kind: .syntax, offset: index, problem: problem)
    }

    /// A byte as a person would name it: `'x'`, `byte 0xFF`.
    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0x20 { return "a space" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
