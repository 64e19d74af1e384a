/// Reads comma-separated values as RFC 4180 describes them: fields in double quotes may hold
/// commas, line breaks and doubled quotes (`"他说""好"""` is `他说"好"`); lines end in CRLF or LF;
/// a UTF-8 byte-order mark is skipped. Blank lines are skipped.
///
/// ```
/// order_id,status,note
/// 20241105123456,已发货,"顺丰，单号 SF123"
/// ```
public enum CSVReader {
    /// One record and the line it starts on.
    public struct Record: Hashable, Sendable {
        public var fields: [String]
        /// The line of the record's first field, from 1.
        public var line: Int
    }

    /// The records of a CSV text given as UTF-8 bytes.
    /// - Throws: `CSVError` for a quote inside an unquoted field, text after a closing quote, or a
    ///   quote that is never closed.
    /// - Complexity: O(n) in the bytes.
    public static func records(in bytes: [UInt8]) throws(CSVError) -> [Record] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var fieldWasQuoted = false
        var fieldWasQuotedRecord = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) || fieldWasQuotedRecord {
                records.append(Record(fields: fields, line: recordLine))
            }
            fields.removeAll(keepingCapacity: true)
            fieldWasQuotedRecord = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            if field.isEmpty && !fieldWasQuoted && byte == quote {
                // A quoted field: read to the closing quote.
                let openLine = line
                fieldWasQuoted = true
                fieldWasQuotedRecord = true
                index += 1
                var closed = false
                while index < bytes.count {
                    let inner = bytes[index]
                    if inner == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    if inner == newline { line += 1 }
                    field.append(inner)
                    index += 1
                }
                guard closed else {
                    throw CSVError(line: openLine, problem: "the quoted field that starts here is never closed; add the closing '\"' (write a quote inside a field as '\"\"')")
                }
                if index < bytes.count, ![comma, newline, carriageReturn].contains(bytes[index]) {
                    throw CSVError(line: line, problem: "text after a closing quote; quote the whole field and write a quote inside it as '\"\"'")
                }
                continue
            }
            switch byte {
            case comma:
                endField()
            case newline:
                endRecord()
                line += 1
                recordLine = line
            case carriageReturn:
                endRecord()
                if index + 1 < bytes.count, bytes[index + 1] == newline { index += 1 }
                line += 1
                recordLine = line
            case quote:
                throw CSVError(line: line, problem: "a '\"' inside an unquoted field; quote the whole field and write the quote as '\"\"'")
            default:
                field.append(byte)
            }
            index += 1
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}

/// CSV text that cannot be read, with the line of the problem.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var problem: String
    public var description: String { "line \(line): \(problem)" }
}
