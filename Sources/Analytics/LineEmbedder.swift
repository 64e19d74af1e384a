import ChatCore
import Foundation
import Segmentation

/// Turns lines into TF-IDF vectors for clustering: the bot's segmenter words (Latin words
/// case-folded) and the character bigrams of each Chinese run, weighted by sublinear term
/// frequency times the inverse document frequency over the lines themselves, L2-normalised.
///
/// Words carry the meaning jieba knows (积分, 兑换, 发票); bigrams catch what it cuts
/// differently from line to line (「开专票」 as 开 专票 or 开专 票 still shares 专票) and typos
/// that keep half a word. Function words (的, 吗, 怎么, the …) and numbers are left out: they
/// are in every topic and would pull unrelated lines together.
///
/// 「积分怎么兑换」 → 积分, 兑换, ⟨积分⟩, ⟨分怎⟩, ⟨怎么⟩, ⟨么兑⟩, ⟨兑换⟩ (怎么 dropped as a word).
struct LineEmbedder {
    let segmenter: Segmenter

    /// The vectors of `lines`, in order, and the feature names (by index) for reports.
    /// - Complexity: O(total characters) plus a sort of each line's features.
    func embed(_ lines: [String]) -> (vectors: [SparseVector], features: [String]) {
        var featureIndex: [String: Int32] = [:]
        var features: [String] = []
        var counted: [[(Int32, Float)]] = []
        var workspace = SegmentationWorkspace()
        for line in lines {
            var counts: [Int32: Float] = [:]
            for feature in Self.features(of: segmenter.tokenize(line, in: &workspace)) {
                let index: Int32
                if let known = featureIndex[feature] {
                    index = known
                } else {
                    index = Int32(features.count)
                    featureIndex[feature] = index
                    features.append(feature)
                }
                counts[index, default: 0] += 1
            }
            counted.append(counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        var documentFrequency = [Float](repeating: 0, count: features.count)
        for line in counted { for (index, _) in line { documentFrequency[Int(index)] += 1 } }
        let documents = Float(lines.count)
        let vectors = counted.map { line -> SparseVector in
            var values = line.map { index, count in
                (1 + Foundation.log(count)) * (Foundation.log((1 + documents) / (1 + documentFrequency[Int(index)])) + 1)
            }
            let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { return .zero }
            for position in values.indices { values[position] /= norm }
            return SparseVector(indices: line.map(\.0), values: values)
        }
        return (vectors, features)
    }

    /// The features of one line's tokens: content words (prefixed `w:`) and the character bigrams
    /// of each run of adjacent Chinese tokens (prefixed `b:`).
    static func features(of tokens: [Token]) -> [String] {
        var result: [String] = []
        var run: [Unicode.Scalar] = []
        var runEnd = -1
        func closeRun() {
            if run.count >= 2 {
                for start in 0..<(run.count - 1) where !FunctionWords.isFunctionPair(run[start], run[start + 1]) {
                    result.append("b:" + String(run[start]) + String(run[start + 1]))
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        for token in tokens {
            switch token.kind {
            case .word:
                if token.scalarRange.lowerBound != runEnd { closeRun() }
                run.append(contentsOf: token.normalized.unicodeScalars)
                runEnd = token.scalarRange.upperBound
                if !FunctionWords.chinese.contains(token.normalized) { result.append("w:" + token.normalized) }
            case .latin:
                closeRun()
                let word = token.normalized.lowercased()
                if word.count > 1, !FunctionWords.english.contains(word) { result.append("w:" + word) }
            default:
                closeRun()
            }
        }
        closeRun()
        return result
    }
}
