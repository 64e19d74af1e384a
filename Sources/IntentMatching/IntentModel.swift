import ChatCore
import Segmentation

/// A trained intent classifier with out-of-scope detection: TF-IDF features over words and
/// character n-grams, a linear SVM and a fastText-style embedding classifier, their calibrated
/// combination, and a tuned out-of-scope rule.
///
/// ```swift
/// let model = try IntentModel.train(on: examples, segmenter: segmenter)
/// model.predict("我的快递怎么还没到").intent?.name   // "order_status"
/// model.predict("啊啊啊啊").intent                    // nil: out of scope
/// ```
/// The model is an immutable value: `predict` may be called from many threads at once.
public struct IntentModel: Sendable {
    /// Every class the classifiers know, sorted; includes the out-of-scope label when trained with one.
    let labels: [String]
    /// The index of the out-of-scope class in `labels`, if there is one.
    let outOfScopeClass: Int?
    let extractor: FeatureExtractor
    let vectorizer: TfidfVectorizer
    let linear: LinearScorer
    let embedding: EmbeddingClassifier
    let combination: ScoreCombination
    let rule: OutOfScopeRule
    let segmenter: Segmenter

    /// The intents the model can predict, sorted, without the out-of-scope label.
    public var intents: [String] {
        labels.enumerated().filter { $0.offset != outOfScopeClass }.map(\.element)
    }

    /// The hex SHA-256 of the serialized model: equal hashes mean bit-identical models.
    public var modelHash: String { SHA256.hexDigest(serialized()) }

    /// What was trained, for `kefu train` and reports: shapes, the calibrated mix and the
    /// out-of-scope threshold.
    public var summary: String {
        "\(intents.count) intents, \(vectorizer.vocabulary.count) features, embedding dimension \(embedding.dimension), "
            + "linear weight \(Self.format(combination.linearWeight)), out-of-scope threshold \(Self.format(rule.threshold))"
    }

    /// The intent of `text`, or none when it is out of scope, with every intent ranked.
    /// - Complexity: O(features × (classes + dimension)); tens of microseconds.
    public func predict(_ text: String) -> IntentPrediction {
        predict(tokens: segmenter.tokenize(text))
    }

    /// The intent of a line already cut by this model's segmenter (`segmenter.tokenize(text)`),
    /// so a caller that needs the tokens anyway segments the line once.
    /// - Complexity: O(features × (classes + dimension)).
    public func predict(tokens: [Token]) -> IntentPrediction {
        let line = vectorize(tokens)
        let probabilities = combination.probabilities(linear: linear.scores(line.vector), embedding: embedding.scores(line.vector))
        // Most probable first; labels are sorted, so ties fall back to name order through the
        // index. One integer sort: the complemented probability bits (order-preserving for
        // probabilities ≥ 0) above the index.
        var keys: [UInt64] = []
        keys.reserveCapacity(labels.count)
        for label in labels.indices where label != outOfScopeClass {
            keys.append(UInt64(~probabilities[label].bitPattern) << 32 | UInt64(label))
        }
        IntegerSort.sortByHighHalf(&keys)
        let order = keys.map { Int(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
        let ranking = order.map { IntentScore(name: labels[$0], confidence: Double(probabilities[$0])) }
        guard let best = order.first, let top = ranking.first else {
            return IntentPrediction(intent: nil, ranking: ranking, outOfScopeReason: "the model knows no intents")
        }
        if let reason = line.noiseReason {
            return IntentPrediction(intent: nil, ranking: ranking, outOfScopeReason: reason)
        }
        if let outOfScope = outOfScopeClass, probabilities[outOfScope] > probabilities[best] {
            let reason = "closest to the out-of-scope examples (\(Self.format(probabilities[outOfScope])))"
            return IntentPrediction(intent: nil, ranking: ranking, outOfScopeReason: reason, resemblesOutOfScope: true)
        }
        if probabilities[best] < rule.threshold {
            let reason = "confidence \(Self.format(probabilities[best])) < \(Self.format(rule.threshold))"
            return IntentPrediction(intent: nil, ranking: ranking, outOfScopeReason: reason)
        }
        return IntentPrediction(intent: top, ranking: ranking)
    }

    /// The features of `text` that pushed `intent`'s linear score up the most, best first:
    /// 「我想退货」 for `return_request` → [("退货", 0.41), ("想 退货", 0.22), …].
    public func explain(_ text: String, intent: String, top: Int) -> [(feature: String, weight: Double)] {
        explain(tokens: segmenter.tokenize(text), intent: intent, top: top)
    }

    /// `explain(_:intent:top:)` for a line already cut by this model's segmenter.
    public func explain(tokens: [Token], intent: String, top: Int) -> [(feature: String, weight: Double)] {
        guard let label = labels.firstIndex(of: intent) else { return [] }
        var features = TextFeatures()
        extractor.extract(tokens, into: &features, names: true)
        let line = vectorizer.vectorize(features)
        var contributions: [(feature: String, weight: Double)] = []
        for (position, index) in line.vector.indices.enumerated() {
            let key = vectorizer.vocabulary.keys[Int(index)]
            let weight = Double(line.vector.values[position] * linear.weights[Int(index) * linear.classCount + label])
            contributions.append((features.names[key] ?? "?", weight))
        }
        contributions.sort { $0.weight > $1.weight || ($0.weight == $1.weight && $0.feature < $1.feature) }
        return Array(contributions.prefix(max(top, 0)))
    }

    func vectorize(_ text: String) -> TfidfVectorizer.VectorizedLine {
        vectorize(segmenter.tokenize(text))
    }

    func vectorize(_ tokens: [Token]) -> TfidfVectorizer.VectorizedLine {
        var features = TextFeatures()
        extractor.extract(tokens, into: &features)
        return vectorizer.vectorize(features)
    }

    static func format(_ value: Float) -> String {
        DecimalText.fixed(Double(value), digits: 2)
    }
}
