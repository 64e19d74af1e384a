import Segmentation

/// How `kefu tokenize` writes one line's tokens: spaced text, or a JSON array with offsets.
struct TokenLineFormat {
    var offsets: Bool
    var kinds: Bool

    func write(_ workspace: SegmentationWorkspace, to output: inout OutputBuffer) {
        workspace.withTokenBytes { tokens in
            if offsets {
                writeJSON(tokens, to: &output)
            } else {
                for (index, span) in tokens.spans.enumerated() {
                    if index > 0 { output.append(UInt8(ascii: " ")) }
                    output.append(tokens.bytes(of: span))
                }
                output.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// `[{"text":"订单","start":2,"end":4}]`, offsets in Unicode scalars.
    private func writeJSON(_ tokens: TokenBytes, to output: inout OutputBuffer) {
        output.append(UInt8(ascii: "["))
        for (index, span) in tokens.spans.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append("{\"text\":")
            JSONText.appendString(tokens.bytes(of: span), to: &output)
            output.append(",\"start\":")
            output.append(decimal: Int(span.start))
            output.append(",\"end\":")
            output.append(decimal: Int(span.end))
            if kinds {
                output.append(",\"kind\":\"")
                output.append(span.kind.rawValue)
                output.append(UInt8(ascii: "\""))
            }
            output.append(UInt8(ascii: "}"))
        }
        output.append("]\n")
    }
}

/// Writing JSON string literals from UTF-8 bytes.
enum JSONText {
    /// Appends `bytes` (valid UTF-8) as a quoted JSON string, escaping quotes, backslashes and
    /// control characters.
    static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout OutputBuffer) {
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): output.append("\\\"")
            case UInt8(ascii: "\\"): output.append("\\\\")
            case UInt8(ascii: "\n"): output.append("\\n")
            case UInt8(ascii: "\r"): output.append("\\r")
            case UInt8(ascii: "\t"): output.append("\\t")
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append("\\u00")
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
