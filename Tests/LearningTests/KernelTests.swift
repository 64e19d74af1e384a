import Foundation
import Learning
import Testing

@Suite("Kernels") struct KernelTests {
    @Test("dot, axpy and the three matrix products agree with naive loops", arguments: [0, 1, 7, 8, 13, 33])
    func products(size: Int) {
        let a = Fixture.vector(size, seed: 1), b = Fixture.vector(size, seed: 2)
        let naive = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        #expect(abs(Double(VectorMath.dot(a, b)) - naive) < 1e-5)
        var y = b
        VectorMath.axpy(0.5, a, &y)
        #expect(zip(y, zip(a, b)).allSatisfy { $0 == $1.1 + 0.5 * $1.0 })
        let w = Fixture.matrix(size, 5, seed: 3)
        let xw = VectorMath.multiply(a, w)
        for column in 0..<5 {
            let expected = (0..<size).reduce(0.0) { $0 + Double(a[$1]) * Double(w[$1, column]) }
            #expect(abs(Double(xw[column]) - expected) < 1e-5)
        }
        let v = Fixture.vector(5, seed: 4)
        let wv = VectorMath.multiply(w, v)
        for row in 0..<size {
            let expected = (0..<5).reduce(0.0) { $0 + Double(w[row, $1]) * Double(v[$1]) }
            #expect(abs(Double(wv[row]) - expected) < 1e-5)
        }
        var outer = Matrix(rows: size, columns: 5)
        VectorMath.addOuterProduct(a, v, into: &outer)
        for row in 0..<size { for column in 0..<5 { #expect(outer[row, column] == a[row] * v[column]) } }
    }

    @Test("exp, sigmoid and tanh are within a few ulp of the C library")
    func activations() {
        var worstExp = 0.0, worstTanh = 0.0, worstSigmoid = 0.0
        for step in -800...800 {
            let x = Float(step) * 0.1
            worstExp = max(worstExp, abs(Double(Activation.exp(x)) / Foundation.exp(Double(x)) - 1))
            worstTanh = max(worstTanh, abs(Double(Activation.tanh(x)) - Foundation.tanh(Double(x))))
            worstSigmoid = max(worstSigmoid, abs(Double(Activation.sigmoid(x)) - 1 / (1 + Foundation.exp(-Double(x)))))
        }
        #expect(worstExp < 3e-7)
        #expect(worstTanh < 2e-7)
        #expect(worstSigmoid < 1e-7)
        for x: Float in [1e-30, 0.001, 0.5, 1, 1.5, 2, 10, 12345.6, 3e38] {
            #expect(abs(Double(Activation.log(x)) - Foundation.log(Double(x))) <= 2e-7 * max(1, abs(Foundation.log(Double(x)))))
        }
        #expect(Activation.exp(-200) == 0)
        #expect(Activation.exp(200).isFinite)
    }

    @Test("softmax and log-sum-exp are stable for large scores")
    func softmax() {
        let probabilities = Activation.softmax([1000, 1000, -1000])
        #expect(probabilities[0] == 0.5 && probabilities[1] == 0.5 && probabilities[2] == 0)
        #expect(abs(Activation.logSumExp([1000, 1000]) - (1000 + Float(M_LN2))) < 1e-3)
        #expect(abs(Activation.softmax([1, 2, 3]).reduce(0, +) - 1) < 1e-6)
        #expect(Activation.logSumExp([]) == -.infinity)
    }

    @Test("FNV-1a matches the published test vectors")
    func stableHash() {
        #expect(StableHash.of([]) == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.of(Array("a".utf8)) == 0xAF63_DC4C_8601_EC8C)
        #expect(StableHash.of(Array("foobar".utf8)) == 0x8594_4171_F739_67E8)
    }

    @Test("SeededRandom: a fixed stream (checked against a separate implementation), streams differ")
    func seededRandom() {
        var random = SeededRandom(seed: 42)
        #expect([random.next(), random.next(), random.next()] == [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1])
        var other = SeededRandom(seed: 42, stream: 1)
        #expect(other.next() == 0x0030_425E_2A3D_C334)
        var a = SeededRandom(seed: 9), b = SeededRandom(seed: 9)
        #expect(a.permutation(50) == b.permutation(50))
        #expect(Set(a.permutation(50)) == Set(0..<50))
        var counts = [Int](repeating: 0, count: 3)
        for _ in 0..<3000 { counts[a.int(below: 3)] += 1 }
        #expect(counts.allSatisfy { $0 > 900 && $0 < 1100 })
        let normals = (0..<20000).map { _ in Double(a.normal()) }
        let mean = normals.reduce(0, +) / 20000
        let variance = normals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 20000
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.05)
        let xavier = Matrix.xavier(rows: 10, columns: 20, random: &a)
        #expect(xavier.values.allSatisfy { abs($0) <= 0.45 } && Set(xavier.values).count > 150)
    }

    @Test("ParallelChunks: fixed ranges, results in order")
    func parallelChunks() {
        #expect(ParallelChunks.ranges(count: 5, chunks: 2) == [0..<3, 3..<5])
        #expect(ParallelChunks.ranges(count: 1, chunks: 2) == [0..<1])
        #expect(ParallelChunks.ranges(count: 0, chunks: 2) == [0..<0])
        #expect(ParallelChunks.map(8) { $0 * $0 } == [0, 1, 4, 9, 16, 25, 36, 49])
        var items = [10, 20, 30]
        ParallelChunks.update(&items) { index, item in item += index }
        #expect(items == [10, 21, 32])
    }
}

@Suite("Embeddings") struct EmbeddingTests {
    @Test("a token is its word row and its character n-gram buckets; unknown words get only buckets")
    func rows() {
        var random = SeededRandom(seed: 1)
        let table = EmbeddingTable(wordCount: 10, bucketCount: 1000, dimension: 4, random: &random)
        var tokens = TokenRows()
        table.appendToken(word: 3, scalars: "发货".unicodeScalars, to: &tokens)
        table.appendToken(word: nil, scalars: "发货".unicodeScalars, to: &tokens)
        table.appendToken(word: nil, scalars: "".unicodeScalars, to: &tokens)
        // <发 发 发货 货 货> : five n-grams of length 1...2.
        #expect(tokens.rows(of: 0).count == 6 && tokens.rows(of: 0).first == 3)
        #expect(Array(tokens.rows(of: 1)) == Array(tokens.rows(of: 0).dropFirst()))
        #expect(tokens.rows(of: 1).allSatisfy { $0 >= 10 && $0 < 1010 })
        // Buckets are stable across runs and platforms (FNV-1a, not Hasher).
        #expect(Array(tokens.rows(of: 1)) == [694, 327, 315, 579, 419])
        let vectors = table.forward(tokens)
        let rows = tokens.rows(of: 0)
        for column in 0..<4 {
            let mean = rows.reduce(Float(0)) { $0 + table.weights[Int($1), column] } / Float(rows.count)
            #expect(abs(vectors[0, column] - mean) < 1e-6)
            #expect(vectors[2, column] == 0)
        }
        tokens.truncate(to: 1)
        #expect(tokens.count == 1 && tokens.rows.count == 6)
    }

    @Test("sparse gradients: merge in order, reset in place")
    func sparseGradient() {
        var a = SparseRowGradient(tableRows: 5, dimension: 2), b = a
        [Float(1), 2].withUnsafeBufferPointer { a.add(1, $0, toRow: 3) }
        [Float(10), 20].withUnsafeBufferPointer { b.add(0.5, $0, toRow: 1); b.add(1, $0, toRow: 3) }
        a.add(b)
        #expect(a.touchedRows == [3, 1])
        #expect(a.gradient(ofRow: 3) == [11, 22] && a.gradient(ofRow: 1) == [5, 10] && a.gradient(ofRow: 0) == [0, 0])
        #expect(a.sumOfSquares == 121 + 484 + 25 + 100)
        a.removeAll()
        #expect(a.isEmpty && a.dense() == Matrix(rows: 5, columns: 2))
    }
}
