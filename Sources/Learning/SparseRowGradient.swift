/// The gradient of a large table of which a step touches only a few rows (an embedding
/// table): the touched rows in first-touch order, each with its accumulated gradient.
///
/// Keep one per thread and call `removeAll()` after each step; the bookkeeping costs
/// O(rows touched), not O(table size), once allocated.
public struct SparseRowGradient: Sendable, Equatable {
    /// The number of rows of the table this gradient belongs to.
    public let tableRows: Int
    /// The width of a row.
    public let dimension: Int
    /// The rows with a gradient, in the order they were first touched.
    public private(set) var touchedRows: [Int32] = []
    /// Their gradients: `touchedRows.count × dimension`, row `i` for `touchedRows[i]`.
    public private(set) var values: [Float] = []
    /// For each table row, its index in `touchedRows`, or −1.
    private var slots: [Int32]

    /// An empty gradient for a `tableRows × dimension` table.
    public init(tableRows: Int, dimension: Int) {
        self.tableRows = tableRows
        self.dimension = dimension
        slots = [Int32](repeating: -1, count: tableRows)
    }

    /// An empty gradient for `table`.
    public init(like table: EmbeddingTable) { self.init(tableRows: table.weights.rows, dimension: table.dimension) }

    /// Whether no row has a gradient.
    public var isEmpty: Bool { touchedRows.isEmpty }

    /// The slot of `row`, created (zero) when it is first touched.
    @inline(__always)
    mutating func slot(of row: Int) -> Int {
        let existing = slots[row]
        if existing >= 0 { return Int(existing) }
        let slot = touchedRows.count
        slots[row] = Int32(slot)
        touchedRows.append(Int32(row))
        values.append(contentsOf: repeatElement(0, count: dimension))
        return slot
    }

    /// Adds `scale · vector` to row `row`'s gradient.
    public mutating func add(_ scale: Float, _ vector: UnsafeBufferPointer<Float>, toRow row: Int) {
        let start = slot(of: row) * dimension
        values.withUnsafeMutableBufferPointer { buffer in
            VectorMath.axpy(scale, vector, UnsafeMutableBufferPointer(rebasing: buffer[start..<(start + dimension)]))
        }
    }

    /// Adds every row of `other` (same table), in `other`'s order.
    public mutating func add(_ other: SparseRowGradient) {
        precondition(other.tableRows == tableRows && other.dimension == dimension, "gradients of different tables")
        other.values.withUnsafeBufferPointer { source in
            for (index, row) in other.touchedRows.enumerated() {
                add(1, UnsafeBufferPointer(rebasing: source[(index * dimension)..<((index + 1) * dimension)]),
                    toRow: Int(row))
            }
        }
    }

    /// Multiplies every gradient by `factor`.
    public mutating func scale(by factor: Float) {
        values.withUnsafeMutableBufferPointer { VectorMath.scale($0, by: factor) }
    }

    /// Forgets every row, keeping the storage.
    public mutating func removeAll() {
        for row in touchedRows { slots[Int(row)] = -1 }
        touchedRows.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// The gradient of `row` (zeros if untouched).
    public func gradient(ofRow row: Int) -> [Float] {
        let slot = Int(slots[row])
        guard slot >= 0 else { return [Float](repeating: 0, count: dimension) }
        return Array(values[(slot * dimension)..<((slot + 1) * dimension)])
    }

    /// The sum of squares of every entry, in `Double`.
    public var sumOfSquares: Double {
        values.withUnsafeBufferPointer { VectorMath.sumOfSquares($0.baseAddress, $0.count) }
    }

    /// The whole gradient as a dense `tableRows × dimension` matrix (for tests and small tables).
    public func dense() -> Matrix {
        var matrix = Matrix(rows: tableRows, columns: dimension)
        for (index, row) in touchedRows.enumerated() {
            for column in 0..<dimension {
                matrix[Int(row), column] = values[index * dimension + column]
            }
        }
        return matrix
    }
}
