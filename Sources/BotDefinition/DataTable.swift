/// A table of data a reply can read from, such as orders by order number.
///
/// `knowledge-base/tables/orders.csv`:
/// ```
/// order_id,status,eta
/// 20241105123456,已发货,11月8日
/// ```
/// The first column is the key: `record(forKey: "20241105123456")` gives
/// `["order_id": "20241105123456", "status": "已发货", "eta": "11月8日"]`. Keys are compared as
/// text is typed, not as it is stored: case, full-width forms and surrounding spaces aside
/// (`sf1402387765120` finds `SF1402387765120`, `２０２４…` finds `2024…`).
public struct DataTable: Hashable, Sendable {
    /// The file's name without `.csv`.
    public var name: String
    /// The header row.
    public var columns: [String]
    /// The data rows, each with one field per column.
    public var rows: [[String]]
    /// The file, relative to the bot folder.
    public var file: String
    private var rowByKey: [String: Int]

    /// A table; rows with the same key: the first wins.
    public init(name: String, columns: [String], rows: [[String]], file: String) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.file = file
        var index: [String: Int] = [:]
        for (number, row) in rows.enumerated() {
            if let key = row.first.map(Self.matchingKey), index[key] == nil { index[key] = number }
        }
        rowByKey = index
    }

    /// A key as rows are found by it: trimmed, full-width forms half-width, lower case.
    public static func matchingKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.trimmingWhitespace().unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(half)
            } else if scalar.value == 0x3000 {
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }

    /// The name of the key column.
    public var keyColumn: String? { columns.first }

    /// The row whose first field is `key`.
    public func row(forKey key: String) -> [String]? {
        rowByKey[Self.matchingKey(key)].map { rows[$0] }
    }

    /// The values of `column` in row order; empty when there is no such column.
    public func values(of column: String) -> [String] {
        guard let index = columns.firstIndex(of: column) else { return [] }
        return rows.map { $0[index] }
    }

    /// The row whose first field is `key`, as column name → value.
    public func record(forKey key: String) -> [String: String]? {
        guard let row = row(forKey: key) else { return nil }
        return Dictionary(zip(columns, row), uniquingKeysWith: { first, _ in first })
    }

    /// The rows whose `column` holds `value` (compared as keys are), in table order, as column
    /// name → value: the orders placed with one phone. Empty when there is no such column.
    public func records(where column: String, is value: String) -> [[String: String]] {
        guard let index = columns.firstIndex(of: column) else { return [] }
        let wanted = Self.matchingKey(value)
        return rows.filter { index < $0.count && Self.matchingKey($0[index]) == wanted }
            .map { Dictionary(zip(columns, $0), uniquingKeysWith: { first, _ in first }) }
    }
}
