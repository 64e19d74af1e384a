/// A dense row-major matrix of `Float`: `rows × columns` numbers in one flat array.
///
/// Conventions for the whole module: vectors are **row vectors**, a sequence of `T` steps of
/// width `D` is a `T × D` matrix (one row per step), and a layer's weights are stored
/// `inputs × outputs`, so a layer computes `y = x · W + b`. That makes the forward pass a sum of
/// scaled weight rows (`axpy`), which the compiler vectorises without reordering any sum.
/// A bias or a single vector is a `1 × n` matrix.
///
/// Matrices are values: copying one is cheap until either copy is written (copy on write), so a
/// trained model held in a `let` is safe to read from many threads.
public struct Matrix: Sendable, Equatable, CustomStringConvertible {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The numbers, row after row; `values.count == rows * columns` must stay true.
    public var values: [Float]

    /// A matrix with every entry `value`.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "a matrix needs non-negative sizes")
        self.rows = rows
        self.columns = columns
        values = [Float](repeating: value, count: rows * columns)
    }

    /// A matrix over `values` (row-major); `values.count` must equal `rows * columns`.
    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(rows >= 0 && columns >= 0 && values.count == rows * columns,
                     "\(values.count) values do not fill a \(rows) × \(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A `1 × n` matrix holding one row vector.
    public init(row: [Float]) { self.init(rows: 1, columns: row.count, values: row) }

    /// A matrix of zeros with the shape of `other`.
    public init(zerosLike other: Matrix) { self.init(rows: other.rows, columns: other.columns) }

    /// The number of entries, `rows * columns`.
    @inlinable public var count: Int { values.count }

    /// The entry at (`row`, `column`).
    @inlinable public subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// A copy of one row.
    public func row(_ index: Int) -> [Float] { Array(values[(index * columns)..<((index + 1) * columns)]) }

    /// Sets every entry to zero, keeping the storage.
    public mutating func zero() {
        values.withUnsafeMutableBufferPointer { buffer in buffer.update(repeating: 0) }
    }

    /// The sum of the squares of the entries, accumulated in `Double`.
    public var sumOfSquares: Double {
        values.withUnsafeBufferPointer { VectorMath.sumOfSquares($0.baseAddress, $0.count) }
    }

    public var description: String { "Matrix(\(rows) × \(columns))" }
}
