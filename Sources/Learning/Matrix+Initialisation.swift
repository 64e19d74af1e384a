extension Matrix {
    /// A matrix of uniform random entries in `[-limit, limit)`.
    public static func uniform(rows: Int, columns: Int, limit: Float, random: inout SeededRandom) -> Matrix {
        var matrix = Matrix(rows: rows, columns: columns)
        for index in 0..<matrix.count { matrix.values[index] = random.symmetric(limit) }
        return matrix
    }

    /// A matrix of normal random entries.
    public static func normal(rows: Int, columns: Int, standardDeviation: Float,
                              random: inout SeededRandom) -> Matrix {
        var matrix = Matrix(rows: rows, columns: columns)
        for index in 0..<matrix.count { matrix.values[index] = random.normal(standardDeviation: standardDeviation) }
        return matrix
    }

    /// Xavier (Glorot) uniform initialisation for a layer with `rows` inputs and `columns`
    /// outputs: limit `√(6 / (rows + columns))`.
    public static func xavier(rows: Int, columns: Int, random: inout SeededRandom) -> Matrix {
        let limit = (6 / Float(max(rows + columns, 1))).squareRoot()
        return uniform(rows: rows, columns: columns, limit: limit, random: &random)
    }
}
