/// Text made safe for XML 1.0: `&`, `<`, `>` and quotes escaped, line breaks and tabs kept as
/// character references inside attributes, and characters XML cannot carry at all (most control
/// characters, U+FFFE, U+FFFF) replaced by U+FFFD.
///
/// `订单 <14位> & "运费"` → `订单 &lt;14位&gt; &amp; &quot;运费&quot;`.
enum XMLText {
    static func escaped(_ text: String, inAttribute: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where inAttribute: result.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where inAttribute: result.append(contentsOf: "&apos;".unicodeScalars)
            case "\n" where inAttribute: result.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": result.append(contentsOf: "&#13;".unicodeScalars)
            case "\t" where inAttribute: result.append(contentsOf: "&#9;".unicodeScalars)
            case "\n", "\t": result.append(scalar)
            default:
                let value = scalar.value
                let allowed = (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                result.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return String(result)
    }
}
