import Foundation
import Learning
import Testing

@Suite("Gradient checks") struct GradientCheckTests {
    let check = GradientCheck()

    @Test("the check catches a gradient that is 10% off")
    func detectsAWrongGradient() {
        let values: [Float] = [0.3, -0.7, 1.2]
        let loss: ([Float]) -> Double = { v in v.reduce(0) { $0 + Double($1 * $1 * $1) } }
        let right = values.map { 3 * $0 * $0 }
        #expect(check.mismatches("cube", values: values, analytic: right, loss: loss).isEmpty)
        var wrong = right
        wrong[1] *= 1.1
        #expect(check.mismatches("cube", values: values, analytic: wrong, loss: loss).count == 1)
        #expect(!check.mismatches("zero", values: [0.1], analytic: [0], loss: { _ in 0 }).isEmpty)
    }

    @Test("GRU over 4 steps: inputs and every parameter", arguments: [false, true])
    func gru(reversed: Bool) {
        var random = SeededRandom(seed: 1)
        let gru = Fixture.randomised(GRU(inputSize: 3, hiddenSize: 5, random: &random), seed: 10)
        let inputs = Fixture.matrix(4, 3, seed: 2)
        let probe = Fixture.vector(4 * 5, seed: 3)
        func loss(_ layer: GRU, _ x: Matrix) -> Double { Fixture.probe(layer.forward(x, reversed: reversed).states.values, probe) }
        let trace = gru.forward(inputs, reversed: reversed)
        var gradients = gru.zeroed()
        let inputGradients = gru.backward(inputs, trace: trace, stateGradients: Matrix(rows: 4, columns: 5, values: probe),
                                          gradients: &gradients)
        var problems = check.mismatches("inputs", values: inputs.values, analytic: inputGradients.values) {
            loss(gru, Matrix(rows: 4, columns: 3, values: $0))
        }
        problems += check.mismatches("gru", parameters: gru, gradients: gradients) { loss($0, inputs) }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("bidirectional GRU: inputs and both layers")
    func bidirectional() {
        var random = SeededRandom(seed: 4)
        let layer = Fixture.randomised(BidirectionalGRU(inputSize: 3, hiddenSize: 4, bidirectional: true, random: &random), seed: 20)
        let inputs = Fixture.matrix(3, 3, seed: 5)
        let probe = Fixture.vector(3 * 8, seed: 6)
        func loss(_ l: BidirectionalGRU, _ x: Matrix) -> Double { Fixture.probe(l.forward(x).states.values, probe) }
        var gradients = layer.zeroed()
        let inputGradients = layer.backward(inputs, trace: layer.forward(inputs),
                                            stateGradients: Matrix(rows: 3, columns: 8, values: probe), gradients: &gradients)
        var problems = check.mismatches("inputs", values: inputs.values, analytic: inputGradients.values) {
            loss(layer, Matrix(rows: 3, columns: 3, values: $0))
        }
        problems += check.mismatches("bigru", parameters: layer, gradients: gradients) { loss($0, inputs) }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("additive attention: states and every parameter")
    func attention() {
        var random = SeededRandom(seed: 7)
        let attention = Fixture.randomised(AdditiveAttention(inputSize: 4, attentionSize: 3, random: &random), seed: 30, scale: 1)
        let states = Fixture.matrix(5, 4, seed: 8, scale: 2)
        let probe = Fixture.vector(4, seed: 9)
        func loss(_ a: AdditiveAttention, _ h: Matrix) -> Double { Fixture.probe(a.forward(h).output, probe) }
        var gradients = attention.zeroed()
        let stateGradients = attention.backward(states, trace: attention.forward(states), outputGradient: probe, gradients: &gradients)
        var problems = check.mismatches("states", values: states.values, analytic: stateGradients.values) {
            loss(attention, Matrix(rows: 5, columns: 4, values: $0))
        }
        problems += check.mismatches("attention", parameters: attention, gradients: gradients) { loss($0, states) }
        #expect(problems.isEmpty, "\(problems)")
        #expect(abs(attention.forward(states).attention.reduce(0, +) - 1) < 1e-6)
    }

    @Test("mean and max pooling")
    func pooling() {
        let states = Fixture.matrix(4, 3, seed: 11)
        let probe = Fixture.vector(3, seed: 12)
        let mean = Pooling.meanBackward(steps: 4, outputGradient: probe)
        var problems = check.mismatches("mean", values: states.values, analytic: mean.values) {
            Fixture.probe(Pooling.mean(Matrix(rows: 4, columns: 3, values: $0)), probe)
        }
        let maximum = Pooling.maxBackward(steps: 4, rows: Pooling.max(states).rows, outputGradient: probe)
        problems += check.mismatches("max", values: states.values, analytic: maximum.values) {
            Fixture.probe(Pooling.max(Matrix(rows: 4, columns: 3, values: $0)).output, probe)
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("embedding table: words and n-gram buckets, sparse gradient")
    func embedding() {
        var random = SeededRandom(seed: 13)
        let table = EmbeddingTable(wordCount: 3, bucketCount: 7, dimension: 4, random: &random)
        var tokens = TokenRows()
        table.appendToken(word: 1, scalars: "发货".unicodeScalars, to: &tokens)
        table.appendToken(word: nil, scalars: "快递".unicodeScalars, to: &tokens)
        table.appendToken(word: 1, scalars: "发货".unicodeScalars, to: &tokens)
        let probe = Fixture.vector(3 * 4, seed: 14)
        var gradient = SparseRowGradient(like: table)
        table.backward(tokens, outputGradient: Matrix(rows: 3, columns: 4, values: probe), into: &gradient)
        let problems = check.mismatches("table", values: table.weights.values, analytic: gradient.dense().values) { values in
            var moved = table
            moved.weights.values = values
            return Fixture.probe(moved.forward(tokens).values, probe)
        }
        #expect(problems.isEmpty, "\(problems)")
        #expect(gradient.touchedRows.count < table.weights.rows)
    }

    @Test("cosine similarity")
    func cosine() {
        let a = Fixture.vector(5, seed: 15), b = Fixture.vector(5, seed: 16)
        let (da, db) = CosineSimilarity.backward(a, b, gradient: 1.5)
        var problems = check.mismatches("a", values: a, analytic: da) { 1.5 * Double(CosineSimilarity.forward($0, b)) }
        problems += check.mismatches("b", values: b, analytic: db) { 1.5 * Double(CosineSimilarity.forward(a, $0)) }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("in-batch softmax loss", arguments: [
        InBatchSoftmaxLoss(temperature: 0.5, similarity: .cosine),
        InBatchSoftmaxLoss(temperature: 0.5, similarity: .cosine, symmetric: true),
        InBatchSoftmaxLoss(temperature: 2, similarity: .dot),
        InBatchSoftmaxLoss(temperature: 1, similarity: .dot, symmetric: true),
    ])
    func inBatch(loss: InBatchSoftmaxLoss) {
        let queries = Fixture.matrix(4, 3, seed: 17), positives = Fixture.matrix(4, 3, seed: 18)
        for groups in [nil, [0, 1, 0, 2]] as [[Int]?] {
            let result = loss.evaluate(queries: queries, positives: positives, groups: groups)
            var problems = check.mismatches("queries", values: queries.values, analytic: result.queryGradients.values) {
                Double(loss.evaluate(queries: Matrix(rows: 4, columns: 3, values: $0), positives: positives, groups: groups).loss)
            }
            problems += check.mismatches("positives", values: positives.values, analytic: result.positiveGradients.values) {
                Double(loss.evaluate(queries: queries, positives: Matrix(rows: 4, columns: 3, values: $0), groups: groups).loss)
            }
            #expect(problems.isEmpty, "groups \(String(describing: groups)): \(problems)")
        }
    }

    @Test("in-batch loss: value by hand for two pairs")
    func inBatchValue() {
        let queries = Matrix(rows: 2, columns: 2, values: [1, 0, 0, 1])
        let positives = Matrix(rows: 2, columns: 2, values: [2, 0, 0, 3])
        let result = InBatchSoftmaxLoss(temperature: 1, similarity: .cosine).evaluate(queries: queries, positives: positives)
        // Each row: logsumexp(1, 0) − 1 = log(1 + e⁻¹).
        #expect(abs(Double(result.loss) - 0.313_261_687_5) < 1e-6)
    }

    @Test("margin ranking loss and logistic loss")
    func scoreLosses() {
        let positives: [Float] = [0.9, 0.1, 0.4], negatives: [Float] = [0.2, 0.3, 0.35]
        let margin = MarginRankingLoss(margin: 0.2)
        let result = margin.evaluate(positiveScores: positives, negativeScores: negatives)
        // Pair 0 is satisfied; 1 violates by 0.4 and 2 by 0.15.
        #expect(abs(result.loss - 0.55 / 3) < 1e-6)
        var problems = check.mismatches("positive", values: positives, analytic: result.positiveGradients) {
            Double(margin.evaluate(positiveScores: $0, negativeScores: negatives).loss)
        }
        problems += check.mismatches("negative", values: negatives, analytic: result.negativeGradients) {
            Double(margin.evaluate(positiveScores: positives, negativeScores: $0).loss)
        }
        let scores: [Float] = [2.5, -1.0, 0.3, -30], labels: [Float] = [1, 0, 0, 1]
        let logistic = LogisticLoss().evaluate(scores: scores, labels: labels)
        problems += check.mismatches("logistic", values: scores, analytic: logistic.gradients) {
            Double(LogisticLoss().evaluate(scores: $0, labels: labels).loss)
        }
        #expect(problems.isEmpty, "\(problems)")
        let terms: [Double] = [log1p(exp(-2.5)), log1p(exp(-1.0)), log1p(exp(0.3)), 30 + log1p(exp(-30))]
        let expected = terms.reduce(0, +) / 4
        #expect(abs(Double(logistic.loss) - expected) < 1e-5)
    }

    @Test("the whole encoder: embedding → GRU → attention → cosine → in-batch softmax, two chunks", arguments: [false, true])
    func encoder(bidirectional: Bool) {
        var random = SeededRandom(seed: 21)
        var encoder = SentenceEncoder(.init(wordCount: 4, bucketCount: 6, embeddingSize: 3, hiddenSize: 3,
                                            bidirectional: bidirectional, attentionSize: 3), random: &random)
        encoder.layers = Fixture.randomised(encoder.layers, seed: 40, scale: 0.8)
        encoder.embedding = Fixture.randomised(encoder.embedding, seed: 50, scale: 1.5)
        let words = ["退货", "运费", "怎么", "发货", "多少", "钱"]
        func sentence(_ ids: [Int]) -> TokenRows {
            var rows = TokenRows()
            for id in ids { encoder.embedding.appendToken(word: id < 4 ? id : nil, scalars: words[id].unicodeScalars, to: &rows) }
            return rows
        }
        let batch = [
            SentenceEncoder.TrainingPair(query: sentence([2, 0, 1]), positive: sentence([0, 1, 4, 5])),
            SentenceEncoder.TrainingPair(query: sentence([3, 4]), positive: sentence([2, 3])),
            SentenceEncoder.TrainingPair(query: sentence([5, 1, 2]), positive: sentence([1, 4, 5])),
        ]
        let loss = InBatchSoftmaxLoss(temperature: 0.2)
        var workspace = SentenceEncoder.BatchWorkspace(for: encoder, chunks: 2)
        _ = encoder.inBatchGradients(batch, loss: loss, workspace: &workspace)
        let gradients = workspace.gradients
        func value(_ e: SentenceEncoder) -> Double {
            var scratch = SentenceEncoder.BatchWorkspace(for: e, chunks: 1)
            return Double(e.inBatchGradients(batch, loss: loss, workspace: &scratch))
        }
        // Attention matters little in so small a model, so its gradients are small (~1e-3):
        // the floor for "some gradient is large enough to prove something" is lowered here.
        var check = check
        check.smallestLargest = 5e-4
        var problems = check.mismatches("layers", parameters: encoder.layers, gradients: gradients.layers) { layers in
            var moved = encoder
            moved.layers = layers
            return value(moved)
        }
        problems += check.mismatches("embedding", values: encoder.embedding.weights.values,
                                     analytic: gradients.embedding.dense().values) { values in
            var moved = encoder
            moved.embedding.weights.values = values
            return value(moved)
        }
        #expect(problems.isEmpty, "\(problems)")
    }
}
