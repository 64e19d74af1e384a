/// A table of data a reply can read from, such as orders by order number.
///
/// `knowledge-base/tables/orders.csv`:
/// ```
/// order_id,status,eta
/// 20241105123456,已发货,11月8日
/// ```
/// The first column is the key: `record(forKey: "20241105123456")` gives
/// `["order_id": "20241105123456", "status": "已发货", "eta": "11月8日"]`.
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
            if let key = row.first, index[key] == nil { index[key] = number }
        }
        rowByKey = index
    }

    /// The name of the key column.
    public var keyColumn: String? { columns.first }

    /// The row whose first field is `key`.
    public func row(forKey key: String) -> [String]? {
        rowByKey[key].map { rows[$0] }
    }

    /// The row whose first field is `key`, as column name → value.
    public func record(forKey key: String) -> [String: String]? {
        guard let row = row(forKey: key) else { return nil }
        return Dictionary(zip(columns, row), uniquingKeysWith: { first, _ in first })
    }
}
