/// The independent training tasks of one model: the linear and the embedding classifier on each
/// held-out fold (trained on the other folds, scoring the held-out one) and on all the data.
///
/// Folds are stratified: each class's examples are shuffled with the seed and dealt round-robin.
struct TrainingPlan: Sendable {
    let rows: SparseRows
    let labels: [Int32]
    let classCount: Int
    let featureCount: Int
    let folds: Int
    let seed: UInt64
    let foldOf: [Int]
    var linearTrainer = LinearSVMTrainer()
    var embeddingTrainer: EmbeddingTrainer

    /// What one task produced.
    struct Outcome: Sendable {
        var linear: LinearScorer?
        var embedding: EmbeddingClassifier?
        /// Held-out rows and their scores (fold tasks only).
        var heldOutRows: [Int] = []
        var heldOutScores: [[Float]] = []
    }

    init(rows: SparseRows, labels: [Int32], classCount: Int, featureCount: Int, folds: Int, seed: UInt64) {
        self.rows = rows
        self.labels = labels
        self.classCount = classCount
        self.featureCount = featureCount
        self.folds = folds
        self.seed = seed
        var foldOf = [Int](repeating: 0, count: labels.count)
        var random = SeededRandom(seed: seed, stream: 0xF01D)
        var members = [[Int32]](repeating: [], count: classCount)
        for (row, label) in labels.enumerated() { members[Int(label)].append(Int32(row)) }
        for var list in members {
            random.shuffle(&list, count: list.count)
            for (position, row) in list.enumerated() { foldOf[Int(row)] = position % folds }
        }
        self.foldOf = foldOf
        // About 100,000 updates in all, 13 to 20 passes: small bots need many; with fewer than 13
        // the large sets' model is undertrained (CLINC150 at 6 passes: 0.81 alone, and a blunter
        // confidence for the out-of-scope threshold).
        embeddingTrainer = EmbeddingTrainer(epochs: min(20, max(13, 100_000 / max(labels.count, 1))))
    }

    /// Tasks: 0 and 1 train on everything (linear, embedding), then two per fold.
    var taskCount: Int { 2 * (folds + 1) }
    var fullLinearTask: Int { 0 }
    var fullEmbeddingTask: Int { 1 }

    func run(task: Int) -> Outcome {
        let fold = task / 2 - 1
        let isLinear = task % 2 == 0
        // The training rows in a seeded random order, stored that way so trainers can stream them.
        var training = labels.indices.filter { fold < 0 || foldOf[$0] != fold }.map { Int32($0) }
        var random = SeededRandom(seed: seed, stream: 0x5EED &+ UInt64(task / 2))
        random.shuffle(&training, count: training.count)
        let heldOut = fold < 0 ? [] : labels.indices.filter { foldOf[$0] == fold }
        let trainingRows = rows.selecting(training.map { Int($0) })
        let trainingLabels = training.map { labels[Int($0)] }
        var outcome = Outcome()
        outcome.heldOutRows = heldOut
        if isLinear {
            let scorer = trainLinear(trainingRows, trainingLabels)
            outcome.heldOutScores = heldOut.map { scorer.scores(vector(at: $0)) }
            if fold < 0 { outcome.linear = scorer }
        } else {
            var losses: [Double] = []
            let model = embeddingTrainer.train(rows: trainingRows, labels: trainingLabels, classCount: classCount,
                                               featureCount: featureCount, seed: seed &+ UInt64(task), losses: &losses)
            outcome.heldOutScores = heldOut.map { model.scores(vector(at: $0)) }
            if fold < 0 { outcome.embedding = model }
        }
        return outcome
    }

    func trainLinear(_ trainingRows: SparseRows, _ trainingLabels: [Int32]) -> LinearScorer {
        let norms = LinearSVMTrainer.squaredNorms(trainingRows)
        let costs = LinearSVMTrainer.balancedCosts(labels: trainingLabels, classCount: classCount)
        let classes = (0..<classCount).map { label in
            linearTrainer.train(rows: trainingRows, labels: trainingLabels, positive: Int32(label), featureCount: featureCount,
                                squaredNorms: norms, rowCosts: costs)
        }
        return LinearScorer(classes: classes, featureCount: featureCount)
    }

    func vector(at row: Int) -> SparseVector {
        let range = rows.row(row)
        return SparseVector(indices: Array(rows.indices[range]), values: Array(rows.values[range]))
    }

    /// Every training row's held-out scores from both classifiers, in row order.
    func heldOutScores(_ outcomes: [Outcome]) -> (linear: [[Float]], embedding: [[Float]]) {
        var linear = [[Float]](repeating: [], count: labels.count)
        var embedding = [[Float]](repeating: [], count: labels.count)
        for (task, outcome) in outcomes.enumerated() where task >= 2 {
            for (position, row) in outcome.heldOutRows.enumerated() {
                if task % 2 == 0 { linear[row] = outcome.heldOutScores[position] } else { embedding[row] = outcome.heldOutScores[position] }
            }
        }
        return (linear, embedding)
    }
}
