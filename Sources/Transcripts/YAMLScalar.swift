/// Writes strings as YAML scalars that read back as exactly the same string: plain when that is
/// safe (letters, digits, `_`, `-`, CJK text without punctuation, not starting with a digit or
/// `-`, not a word YAML reads as a boolean or null), double-quoted with escapes otherwise.
///
/// `return_request` → `return_request`; `我想退货` → `我想退货`;
/// `20241105123456` → `"20241105123456"`; `请提供订单号：` → `"请提供订单号："`; `yes` → `"yes"`.
public enum YAMLScalar {
    public static func string(_ text: String) -> String {
        isPlainSafe(text) ? text : doubleQuoted(text)
    }

    /// Words YAML 1.1 or 1.2 reads as booleans or null.
    private static let specialWords: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"]

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !specialWords.contains(text.lowercased()) else { return false }
        if first == "-" || ("0"..."9").contains(first) { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D: return true        // [0-9A-Za-z_-]
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true        // CJK ideographs
            default: return false
            }
        }
    }

    /// `text` in double quotes: `"` and `\` escaped, control characters, line separators and
    /// other non-printable scalars as YAML escapes, everything else as is.
    public static func doubleQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                let value = scalar.value
                let printable: Bool
                switch value {
                case 0x20...0x7E: printable = true
                case 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
                    printable = value != 0x2028 && value != 0x2029 && value != 0xFEFF   // line/paragraph separators, BOM
                default: printable = false
                }
                if printable {
                    quoted.unicodeScalars.append(scalar)
                } else if value <= 0xFF {
                    quoted += "\\x" + hex(value, digits: 2)
                } else if value <= 0xFFFF {
                    quoted += "\\u" + hex(value, digits: 4)
                } else {
                    quoted += "\\U" + hex(value, digits: 8)
                }
            }
        }
        return quoted + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
