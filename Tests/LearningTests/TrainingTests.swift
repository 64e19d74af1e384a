import Learning
import Testing

@Suite("Training") struct TrainingTests {
    /// A tiny paraphrase task: two FAQ groups, each asked three ways.
    static func batch(_ encoder: SentenceEncoder) -> [SentenceEncoder.TrainingPair] {
        let words = ["什么", "时候", "发货", "怎么", "还", "没", "退货", "运费", "谁", "出"]
        func sentence(_ ids: [Int]) -> TokenRows {
            var rows = TokenRows()
            for id in ids { encoder.embedding.appendToken(word: id, scalars: words[id].unicodeScalars, to: &rows) }
            return rows
        }
        return [
            .init(query: sentence([3, 4, 5, 2]), positive: sentence([0, 1, 2]), group: 0),
            .init(query: sentence([6, 7, 8, 9]), positive: sentence([6, 7]), group: 1),
            .init(query: sentence([2, 0, 1]), positive: sentence([0, 1, 2]), group: 0),
            .init(query: sentence([7, 3, 9]), positive: sentence([6, 7]), group: 1),
        ]
    }

    static func train(seed: UInt64, steps: Int, chunks: Int) -> (SentenceEncoder, [Float]) {
        var random = SeededRandom(seed: seed)
        var encoder = SentenceEncoder(.init(wordCount: 10, bucketCount: 50, embeddingSize: 8, hiddenSize: 8,
                                            bidirectional: true, attentionSize: 6), random: &random)
        let batch = batch(encoder)
        var optimizer = SentenceEncoder.Optimizer(Adam(learningRate: 0.01), for: encoder)
        var workspace = SentenceEncoder.BatchWorkspace(for: encoder, chunks: chunks)
        var losses: [Float] = []
        for _ in 0..<steps {
            losses.append(encoder.inBatchGradients(batch, loss: InBatchSoftmaxLoss(temperature: 0.1), workspace: &workspace))
            optimizer.step(&encoder, gradients: workspace.gradients, maxNorm: 5)
        }
        return (encoder, losses)
    }

    static func hash(_ encoder: SentenceEncoder) -> UInt64 {
        var archive = ModelArchive(kind: "test.encoder")
        encoder.store(in: &archive)
        return archive.contentHash
    }

    @Test("Adam minimises a convex quadratic, dense and sparse (lazy) alike")
    func adamConverges() {
        struct Point: ParameterTensors {
            var x: Matrix
            static var tensorPaths: [TensorPath<Self>] { [TensorPath("x", \.x)] }
        }
        let target: [Float] = [3, -2, 0.5, 7]
        var point = Point(x: Matrix(rows: 1, columns: 4))
        var state = AdamState(like: point)
        var adam = Adam(learningRate: 0.1)
        func loss(_ p: Point) -> Float { zip(p.x.values, target).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
        let initial = loss(point)
        for _ in 0..<500 {
            var gradient = point.zeroed()
            for index in 0..<4 { gradient.x.values[index] = 2 * (point.x.values[index] - target[index]) }
            adam.beginStep()
            adam.update(&point, gradients: gradient, state: &state)
        }
        #expect(loss(point) < initial * 1e-4)

        var table = Matrix(rows: 3, columns: 4)
        var first = table, second = table
        for _ in 0..<500 {
            var gradient = SparseRowGradient(tableRows: 3, dimension: 4)
            let g = (0..<4).map { 2 * (table[1, $0] - target[$0]) }
            g.withUnsafeBufferPointer { gradient.add(1, $0, toRow: 1) }
            adam.beginStep()
            adam.update(&table, sparse: gradient, first: &first, second: &second)
        }
        #expect((0..<4).allSatisfy { abs(table[1, $0] - target[$0]) < 0.05 })
        #expect(table.row(0) == [0, 0, 0, 0] && table.row(2) == [0, 0, 0, 0])
    }

    @Test("weight decay shrinks weights without gradient; clipping scales to the global norm")
    func decayAndClipping() {
        var weights = Matrix(rows: 1, columns: 2, values: [1, -1])
        var first = Matrix(rows: 1, columns: 2), second = first
        var adam = Adam(learningRate: 0.1, weightDecay: 0.5)
        adam.beginStep()
        adam.update(&weights, gradient: Matrix(rows: 1, columns: 2), first: &first, second: &second)
        #expect(weights.values == [0.95, -0.95])
        var tensors = [Matrix(row: [3, 0]), Matrix(row: [0, 4])]
        #expect(GradientClipping.clip(&tensors, maxNorm: 1) == 5)
        #expect(abs(tensors[0].values[0] - 0.6) < 1e-6 && abs(tensors[1].values[1] - 0.8) < 1e-6)
        #expect(GradientClipping.factor(maxNorm: 10, sumOfSquares: 25) == 1)
    }

    @Test("contrastive training lowers the loss on a paraphrase batch")
    func trainingLearns() {
        let (encoder, losses) = Self.train(seed: 3, steps: 60, chunks: 2)
        #expect(losses[59] < losses[0] * 0.5, "\(losses[0]) → \(losses[59])")
        let batch = Self.batch(encoder)
        let same = CosineSimilarity.forward(encoder.encode(batch[0].query), encoder.encode(batch[2].query))
        let other = CosineSimilarity.forward(encoder.encode(batch[0].query), encoder.encode(batch[1].query))
        #expect(same > other)
    }

    @Test("same seed → identical parameters and model hash, with one chunk and with two threads")
    func determinism() {
        for chunks in [1, 2] {
            let (first, firstLosses) = Self.train(seed: 11, steps: 8, chunks: chunks)
            let (second, secondLosses) = Self.train(seed: 11, steps: 8, chunks: chunks)
            #expect(first == second && firstLosses == secondLosses)
            #expect(Self.hash(first) == Self.hash(second))
        }
        let (other, _) = Self.train(seed: 12, steps: 8, chunks: 2)
        #expect(Self.hash(other) != Self.hash(Self.train(seed: 11, steps: 8, chunks: 2).0))
    }

    @Test("encoding is safe to share between threads (compile-time Sendable) and repeatable")
    func concurrentEncoding() {
        let (encoder, _) = Self.train(seed: 5, steps: 2, chunks: 2)
        let query = Self.batch(encoder)[0].query
        let results = ParallelChunks.map(8) { _ in encoder.encode(query) }
        #expect(results.allSatisfy { $0 == results[0] })
        func requireSendable<T: Sendable>(_: T.Type) {}
        requireSendable(SentenceEncoder.self)
        requireSendable(ModelArchive.self)
        requireSendable(GRU.self)
    }
}
