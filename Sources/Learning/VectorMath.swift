/// The inner loops every layer is built from, over flat `Float` buffers.
///
/// Loops that only scale and add element by element (`axpy`, `add`, `vectorTimesMatrix`,
/// `addOuterProduct`) are plain loops the compiler vectorises. Sums across a vector (`dot`,
/// `matrixTimesVector`) use eight fixed partial sums combined in a fixed order, so they vectorise
/// too and give the same bits on every run and every machine.
public enum VectorMath {
    /// `Σ a[i] · b[i]` over the first `a.count` entries (`b` must be at least as long).
    @inlinable
    public static func dot(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
        let count = a.count
        guard count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
        let rawA = UnsafeRawPointer(pa), rawB = UnsafeRawPointer(pb)
        var sum0 = SIMD4<Float>(), sum1 = SIMD4<Float>()
        var index = 0
        while index + 8 <= count {
            let offset = index &* 4
            sum0 += rawA.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            sum1 += rawA.loadUnaligned(fromByteOffset: offset &+ 16, as: SIMD4<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset &+ 16, as: SIMD4<Float>.self)
            index &+= 8
        }
        let lanes = sum0 + sum1
        var total = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
        while index < count {
            total += pa[index] * pb[index]
            index &+= 1
        }
        return total
    }

    /// `y[i] += a · x[i]` for every `i < y.count`.
    @inlinable
    public static func axpy(_ a: Float, _ x: UnsafeBufferPointer<Float>, _ y: UnsafeMutableBufferPointer<Float>) {
        guard let px = x.baseAddress, let py = y.baseAddress else { return }
        for index in 0..<y.count { py[index] += a * px[index] }
    }

    /// `y[i] += x[i]` for every `i < y.count`.
    @inlinable
    public static func add(_ x: UnsafeBufferPointer<Float>, _ y: UnsafeMutableBufferPointer<Float>) {
        guard let px = x.baseAddress, let py = y.baseAddress else { return }
        for index in 0..<y.count { py[index] += px[index] }
    }

    /// `y[i] *= a` for every `i`.
    @inlinable
    public static func scale(_ y: UnsafeMutableBufferPointer<Float>, by a: Float) {
        guard let py = y.baseAddress else { return }
        for index in 0..<y.count { py[index] *= a }
    }

    /// `Σ x[i]²` accumulated in `Double` (for norms of whole gradients).
    @inlinable
    public static func sumOfSquares(_ x: UnsafePointer<Float>?, _ count: Int) -> Double {
        guard let x else { return 0 }
        var total: Double = 0
        for index in 0..<count { total += Double(x[index]) * Double(x[index]) }
        return total
    }

    /// `y += x · W` for a row vector `x` (length `W.rows`) and `W` stored row-major with
    /// `y.count` columns: the forward pass of a layer.
    ///
    /// - Complexity: O(rows × columns); four weight rows per pass over `y`.
    @inlinable
    public static func vectorTimesMatrix(_ x: UnsafeBufferPointer<Float>, _ weights: UnsafeBufferPointer<Float>,
                                         into y: UnsafeMutableBufferPointer<Float>) {
        let columns = y.count, rows = x.count
        guard columns > 0, rows > 0, let pw = weights.baseAddress, let py = y.baseAddress else { return }
        var row = 0
        while row + 4 <= rows {
            let a0 = x[row], a1 = x[row &+ 1], a2 = x[row &+ 2], a3 = x[row &+ 3]
            let w0 = pw + row &* columns, w1 = w0 + columns, w2 = w1 + columns, w3 = w2 + columns
            for column in 0..<columns {
                py[column] += ((a0 * w0[column] + a1 * w1[column]) + (a2 * w2[column] + a3 * w3[column]))
            }
            row &+= 4
        }
        while row < rows {
            let a = x[row], w = pw + row &* columns
            for column in 0..<columns { py[column] += a * w[column] }
            row &+= 1
        }
    }

    /// `y[r] += Σ_c W[r, c] · v[c]` (that is `y += v · Wᵀ`) for `W` with `y.count` rows and
    /// `v.count` columns: the backward pass of a layer, sending an output gradient to its input.
    @inlinable
    public static func matrixTimesVector(_ weights: UnsafeBufferPointer<Float>, _ v: UnsafeBufferPointer<Float>,
                                         into y: UnsafeMutableBufferPointer<Float>) {
        let columns = v.count
        guard columns > 0, let pw = weights.baseAddress else { return }
        for row in 0..<y.count {
            y[row] += dot(UnsafeBufferPointer(start: pw + row &* columns, count: columns), v)
        }
    }

    /// `W[r, c] += x[r] · g[c]` (that is `W += xᵀ · g`) for `W` stored row-major with
    /// `x.count` rows and `g.count` columns: a layer's weight gradient.
    @inlinable
    public static func addOuterProduct(_ x: UnsafeBufferPointer<Float>, _ g: UnsafeBufferPointer<Float>,
                                       into weights: UnsafeMutableBufferPointer<Float>) {
        let columns = g.count
        guard columns > 0, let pg = g.baseAddress, let pw = weights.baseAddress else { return }
        for row in 0..<x.count {
            let a = x[row]
            if a == 0 { continue }
            let w = pw + row &* columns
            for column in 0..<columns { w[column] += a * pg[column] }
        }
    }
}

extension VectorMath {
    /// `Σ a[i] · b[i]` of two equally long arrays.
    public static func dot(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "dot of vectors of lengths \(a.count) and \(b.count)")
        return a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in dot(pa, pb) } }
    }

    /// `y += a · x` for equally long arrays.
    public static func axpy(_ a: Float, _ x: [Float], _ y: inout [Float]) {
        precondition(x.count == y.count, "axpy of vectors of lengths \(x.count) and \(y.count)")
        x.withUnsafeBufferPointer { px in y.withUnsafeMutableBufferPointer { py in axpy(a, px, py) } }
    }

    /// `x · W` for a row vector `x` of length `W.rows`.
    public static func multiply(_ x: [Float], _ weights: Matrix) -> [Float] {
        precondition(x.count == weights.rows, "a vector of \(x.count) times a \(weights) matrix")
        var y = [Float](repeating: 0, count: weights.columns)
        x.withUnsafeBufferPointer { px in
            weights.values.withUnsafeBufferPointer { pw in
                y.withUnsafeMutableBufferPointer { py in vectorTimesMatrix(px, pw, into: py) }
            }
        }
        return y
    }

    /// `W · v` for a column vector `v` of length `W.columns` (equivalently `v · Wᵀ`).
    public static func multiply(_ weights: Matrix, _ v: [Float]) -> [Float] {
        precondition(v.count == weights.columns, "a \(weights) matrix times a vector of \(v.count)")
        var y = [Float](repeating: 0, count: weights.rows)
        v.withUnsafeBufferPointer { pv in
            weights.values.withUnsafeBufferPointer { pw in
                y.withUnsafeMutableBufferPointer { py in matrixTimesVector(pw, pv, into: py) }
            }
        }
        return y
    }

    /// `W += xᵀ · g` for `W` of shape `x.count × g.count`.
    public static func addOuterProduct(_ x: [Float], _ g: [Float], into weights: inout Matrix) {
        precondition(weights.rows == x.count && weights.columns == g.count,
                     "outer product \(x.count) × \(g.count) into a \(weights) matrix")
        x.withUnsafeBufferPointer { px in
            g.withUnsafeBufferPointer { pg in
                weights.values.withUnsafeMutableBufferPointer { pw in addOuterProduct(px, pg, into: pw) }
            }
        }
    }
}
