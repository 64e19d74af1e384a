/// An entity whose values are a table's rows: a line naming a row (by its name, an alias or a
/// part of its name only it has) gives the row's key.
///
/// ```yaml
/// entities:
///   product: { table: products, column: name, aliases: aliases }
/// ```
/// With the row `P1001,小蜜Air2无线耳机,…,无线耳机|蓝牙耳机|earbuds`, 「耳机防水吗」 and
/// 「Air2 多少钱」 give `product` = `P1001`.
public struct TableEntity: Hashable, Sendable {
    public var name: String
    /// The table's name (`products` for `knowledge-base/tables/products.csv`).
    public var table: String
    /// The column of names customers say.
    public var column: String
    /// A column of more names, separated by `|`.
    public var aliasColumn: String?
    public var location: SourceLocation

    public init(name: String, table: String, column: String, aliasColumn: String? = nil, location: SourceLocation) {
        self.name = name
        self.table = table
        self.column = column
        self.aliasColumn = aliasColumn
        self.location = location
    }

    /// Each row's key with the names that stand for it: the name column, then the aliases.
    public func names(in table: DataTable) -> [(key: String, names: [String])] {
        guard let nameIndex = table.columns.firstIndex(of: column) else { return [] }
        let aliasIndex = aliasColumn.flatMap { table.columns.firstIndex(of: $0) }
        return table.rows.compactMap { row in
            guard let key = row.first, !key.isEmpty else { return nil }
            var names = [row[nameIndex]]
            if let aliasIndex { names += row[aliasIndex].split(separator: "|").map { String($0) } }
            names = names.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            return (key, names)
        }
    }
}
