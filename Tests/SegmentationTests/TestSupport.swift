/// Shared helpers for the segmentation tests: the shipped segmenter, tiny fixture dictionaries
/// compiled in memory, and what the segmenter drops from a line (the seeded generator is
/// KefuTestSupport's `SeededGenerator`).
import ChatCore
import Foundation
import Segmentation
import Testing

// MARK: The shipped dictionary

enum Shipped {
    /// A segmenter over the shipped jieba image (the image itself is loaded once per process).
    static func segmenter(userWords: WordList = WordList(), usesHMM: Bool = true) throws -> Segmenter {
        try Segmenter.shipped(userWords: userWords, usesHMM: usesHMM)
    }

    /// The texts of the tokens of `line`, cut by the shipped segmenter.
    static func texts(_ line: String, usesHMM: Bool = true) throws -> [String] {
        try segmenter(usesHMM: usesHMM).tokenize(line).map(\.text)
    }
}

/// Where the repository is checked out: this file is `Tests/SegmentationTests/TestSupport.swift`.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // SegmentationTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // repository root

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }
}

// MARK: Fixture dictionaries

enum Fixture {
    static let logHalf = log(0.5)
    static let never = -Double.infinity

    /// A BMES model where every legal transition and start has probability ½ and the given
    /// characters may only carry the given labels (B = 0, E = 1, M = 2, S = 3), so the Viterbi
    /// labelling of a run of them is forced.
    static func forcingModel(_ labels: [Unicode.Scalar: Int]) -> HMMParameters {
        let legal: [[Double]] = [
            //  B        E        M        S
            [never, logHalf, logHalf, never],   // from B
            [logHalf, never, never, logHalf],   // from E
            [never, logHalf, logHalf, never],   // from M
            [logHalf, never, never, logHalf],   // from S
        ]
        var emission = [[Unicode.Scalar: Double]](repeating: [:], count: 4)
        for (scalar, label) in labels {
            for row in 0..<4 { emission[row][scalar] = row == label ? 0 : never }
        }
        return HMMParameters(start: [logHalf, never, never, logHalf], transition: legal, emission: emission)
    }

    /// A model that knows no characters: every unknown run is cut by transitions alone.
    static let emptyModel = forcingModel([:])

    /// Compiles `words` and `model` into image bytes.
    static func imageBytes(_ words: [(String, Int)], model: HMMParameters = emptyModel, digest: UInt64 = 42) -> [UInt8] {
        DictionaryImage.compile(words: words.map { (word: $0.0, frequency: $0.1) }, model: model, sourceDigest: digest)
    }

    /// Compiles and loads a fixture image.
    static func image(_ words: [(String, Int)], model: HMMParameters = emptyModel) throws -> DictionaryImage {
        try DictionaryImage(bytes: imageBytes(words, model: model))
    }

    /// A segmenter over compiled image bytes (compiling is the slow part: tests compile once and
    /// keep the bytes).
    static func segmenter(imageBytes: [UInt8], userWords: WordList = WordList(), usesHMM: Bool = true) throws -> Segmenter {
        try Segmenter(image: DictionaryImage(bytes: imageBytes), userWords: userWords, usesHMM: usesHMM)
    }

    /// A segmenter over a fixture image.
    static func segmenter(_ words: [(String, Int)], model: HMMParameters = emptyModel,
                          userWords: WordList = WordList(), usesHMM: Bool = true) throws -> Segmenter {
        try Segmenter(image: image(words, model: model), userWords: userWords, usesHMM: usesHMM)
    }
}

// MARK: Tokens

extension Segmenter {
    /// The texts of the tokens of `line`.
    func texts(_ line: String) -> [String] { tokenize(line).map(\.text) }
}

/// A token's expected text, kind and offsets, written out by hand.
struct ExpectedToken: CustomStringConvertible, Sendable {
    var text: String
    var kind: Token.Kind
    var scalars: Range<Int>
    var utf8: Range<Int>

    init(_ text: String, _ kind: Token.Kind, scalars: Range<Int>, utf8: Range<Int>) {
        self.text = text
        self.kind = kind
        self.scalars = scalars
        self.utf8 = utf8
    }

    var description: String { "\(text) \(kind) \(scalars) \(utf8)" }

    func matches(_ token: Token) -> Bool {
        token.text == text && token.kind == kind && token.scalarRange == scalars && token.utf8Range == utf8
    }
}

/// What the segmenter drops instead of making tokens of, as ScalarClass documents it: white space,
/// controls, invisible format characters, unassigned and private-use code points — except the
/// zero-width joiner and the tag characters, which attach to emoji.
func isDropped(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value == 0x200D || (0xE0020...0xE007F).contains(value) { return false }
    switch scalar.properties.generalCategory {
    case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format, .unassigned, .privateUse:
        return !isHanCodePoint(value)
    default:
        return false
    }
}

/// The Han ranges, whose unassigned gaps still count as Chinese characters.
private func isHanCodePoint(_ value: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
        || (0x20000...0x3134F).contains(value) || (0xF900...0xFAFF).contains(value)
}

/// `text` without what the segmenter drops.
func withoutDropped(_ text: String) -> String {
    var kept = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !isDropped(scalar) { kept.append(scalar) }
    return String(kept)
}
