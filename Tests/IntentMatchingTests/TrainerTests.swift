@testable import IntentMatching
import Segmentation
import Testing

@Suite("Features and trainers")
struct TrainerTests {
    static func rows() -> (TfidfVectorizer, SparseRows, [Int32]) {
        let extractor = FeatureExtractor()
        let documents = SupportBotFixture.examples.map { example in
            var features = TextFeatures()
            extractor.extract(SupportBotFixture.segmenter.tokenize(example.text), into: &features)
            return features
        }
        let vectorizer = TfidfVectorizer(vocabulary: FeatureVocabulary.build(from: documents))
        var rows = SparseRows()
        for document in documents { rows.append(vectorizer.vectorize(document).vector) }
        let names = Array(Set(SupportBotFixture.examples.map(\.label))).sorted()
        let labels = SupportBotFixture.examples.map { Int32(names.firstIndex(of: $0.label) ?? 0) }
        return (vectorizer, rows, labels)
    }

    @Test("TF-IDF vectors are L2-normalised", arguments: ["我想退货", "where is my order", "运费 运费 运费", "包邮吗？"])
    func normalised(text: String) {
        let model = SupportBotFixture.model
        let vector = model.vectorize(text).vector
        #expect(abs(vector.squaredNorm - 1) < 1e-4)
        #expect(Set(vector.indices).count == vector.count)   // each feature once
    }

    @Test("term frequency is sublinear: repeating a word does not triple it") func sublinear() {
        let vectorizer = Self.rows().0
        var once = TextFeatures(), thrice = TextFeatures()
        let word: UInt64 = vectorizer.vocabulary.keys[0]
        once.wordKeys = [word]
        thrice.wordKeys = [word, word, word]
        // Alone in its block, any weight normalises to 1; next to a fixed second word the
        // repeated one weighs 1 + ln 3 times as much, not 3 times.
        let other = vectorizer.vocabulary.keys.first { $0 != word && vectorizer.vocabulary.blocks[Int(vectorizer.vocabulary.index(of: $0)!)] == .words }!
        once.wordKeys.append(other)
        thrice.wordKeys.append(other)
        let a = vectorizer.vectorize(once).vector, b = vectorizer.vectorize(thrice).vector
        let ratioOnce = a.values[0] / a.values[1], ratioThrice = b.values[0] / b.values[1]
        // Index 0 is `word` (the first key), so values[0] is its weight.
        #expect(abs(ratioThrice / ratioOnce - (1 + 1.0986123)) < 1e-3)
    }

    @Test("the SVM dual objective goes down with more passes and the classes separate") func svmObjective() {
        let (vectorizer, rows, labels) = Self.rows()
        var trainer = LinearSVMTrainer()
        trainer.maximumPasses = 1
        let first = trainer.train(rows: rows, labels: labels, positive: 1, featureCount: vectorizer.vocabulary.count)
        trainer.maximumPasses = 200
        let last = trainer.train(rows: rows, labels: labels, positive: 1, featureCount: vectorizer.vocabulary.count)
        #expect(first.dualObjective < 0)
        #expect(last.dualObjective < first.dualObjective)
        let scorer = LinearScorer(classes: [last], featureCount: vectorizer.vocabulary.count)
        var right = 0
        for row in 0..<rows.count {
            let range = rows.row(row)
            let score = scorer.scores(SparseVector(indices: Array(rows.indices[range]), values: Array(rows.values[range])))[0]
            if (score > 0) == (labels[row] == 1) { right += 1 }
        }
        #expect(right == rows.count)
    }

    @Test("the embedding classifier's loss goes down") func embeddingLoss() {
        let (vectorizer, rows, labels) = Self.rows()
        var losses: [Double] = []
        _ = EmbeddingTrainer(epochs: 20).train(rows: rows, labels: labels, classCount: 4,
                                               featureCount: vectorizer.vocabulary.count, seed: 1, losses: &losses)
        #expect(losses.count == 20)
        #expect(losses[19] < losses[0] * 0.5)
    }

    @Test("feature keys are the same for the same text and differ by kind") func keys() {
        let extractor = FeatureExtractor()
        var a = TextFeatures(), b = TextFeatures()
        extractor.extract(SupportBotFixture.segmenter.tokenize("退货 退货"), into: &a, names: true)
        extractor.extract(SupportBotFixture.segmenter.tokenize("退货 退货"), into: &b)
        #expect(a.wordKeys == b.wordKeys && a.characterKeys == b.characterKeys)
        #expect(a.names.values.contains("退货"))
        #expect(a.names.values.contains("退货 退货"))
        #expect(Set(a.wordKeys).isDisjoint(with: Set(a.characterKeys)))
    }

    @Test("SHA-256 of known inputs") func sha() {
        #expect(SHA256.hexDigest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

@Suite("Linear SVM convergence")
struct LinearSVMConvergenceTests {
    @Test("balanced costs give every class the same total weight") func balanced() {
        let labels: [Int32] = [0, 0, 0, 1, 2, 2]
        let costs = LinearSVMTrainer.balancedCosts(labels: labels, classCount: 3)
        #expect(costs == [Float(2) / 3, 2 / 3, 2 / 3, 2, 1, 1])
        #expect(LinearSVMTrainer.balancedCosts(labels: [0, 1, 1, 0], classCount: 2) == [1, 1, 1, 1])
    }

    @Test("a larger cost on a class's rows pulls the boundary away from them") func weightedRows() {
        let (vectorizer, rows, labels) = TrainerTests.rows()
        let trainer = LinearSVMTrainer()
        let even = trainer.train(rows: rows, labels: labels, positive: 0, featureCount: vectorizer.vocabulary.count)
        let heavier = trainer.train(rows: rows, labels: labels, positive: 0, featureCount: vectorizer.vocabulary.count,
                                    rowCosts: labels.map { $0 == 0 ? 10 : 1 })
        // Heavier positives: the bias (the score of an empty line) moves towards the positive side.
        #expect(heavier.bias > even.bias)
    }

    @Test("shrinking stops only near the optimum: a tighter tolerance barely lowers the objective", arguments: [Int32(0), 1, 2, 3])
    func converged(positive: Int32) {
        let (vectorizer, rows, labels) = TrainerTests.rows()
        var loose = LinearSVMTrainer()
        loose.tolerance = 0.1
        var tight = LinearSVMTrainer()
        tight.tolerance = 0.001
        tight.maximumPasses = 5000
        let a = loose.train(rows: rows, labels: labels, positive: positive, featureCount: vectorizer.vocabulary.count)
        let b = tight.train(rows: rows, labels: labels, positive: positive, featureCount: vectorizer.vocabulary.count)
        #expect(b.dualObjective <= a.dualObjective + 1e-6)
        #expect(a.dualObjective - b.dualObjective < 0.02 * abs(b.dualObjective))
        #expect(b.passes < tight.maximumPasses)
    }
}
