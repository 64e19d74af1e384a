/// The binary dictionary image: compiling and loading round-trips, damaged images are refused
/// with a reason, and the shipped image is not stale against the committed jieba sources.
import ChatCore
import Foundation
import KefuTestSupport
import Segmentation
import Testing

@Suite("Dictionary image")
struct DictionaryImageTests {
    static let words: [(String, Int)] = [
        ("永和", 300), ("服装", 2000), ("饰品", 500), ("有限公司", 6000), ("有限", 4000), ("公司", 9000),
        ("和服", 200), ("服", 100), ("装饰", 600), ("装饰品", 100), ("品", 700), ("t恤", 40), ("𠮷野家", 30),
    ]
    static let model = Fixture.forcingModel(["杭": 0, "研": 1])
    /// Compiled once: every test below starts from a copy of these bytes.
    static let imageBytes = Fixture.imageBytes(words, model: model, digest: 0xDEAD_BEEF)
    static let lines = ["永和服装饰品有限公司", "买T恤去𠮷野家", "网杭研大厦", "ＶＩＰ 12.5% li.wei@example.com"]

    static func cuts(_ image: DictionaryImage) throws -> [[Token]] {
        let segmenter = try Segmenter(image: image)
        return lines.map { segmenter.tokenize($0) }
    }

    @Test("compile, load from memory and from a file: the same segmentation")
    func roundTrip() throws {
        let bytes = Self.imageBytes
        let image = try DictionaryImage(bytes: bytes)
        #expect(image.sourceDigest == 0xDEAD_BEEF)
        #expect(image.wordCount == Self.words.count)
        let cuts = try Self.cuts(image)
        #expect(cuts[0].map(\.text) == ["永和", "服装", "饰品", "有限公司"])
        #expect(cuts[1].map(\.text) == ["买", "T恤", "去", "𠮷野家"])
        #expect(cuts[2].map(\.text) == ["网", "杭研", "大", "厦"])

        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write("fixture.kefudict", bytes)
        let mapped = try DictionaryImage(contentsOf: path)
        #expect(mapped.sourceDigest == image.sourceDigest)
        #expect(mapped.wordCount == image.wordCount)
        #expect(try Self.cuts(mapped) == cuts)
    }

    @Test("compiling is deterministic")
    func deterministic() {
        let again = Fixture.imageBytes(Self.words.reversed(), model: Self.model, digest: 0xDEAD_BEEF)
        let same = again == Self.imageBytes
        #expect(same, "two compilations of the same words differ")
    }

    @Test("words that fold alike are one word; frequency 0 leaves a word out")
    func foldingAndZeroFrequency() throws {
        let image = try Fixture.image([("WiFi", 5), ("wifi", 7), ("ｗｉｆｉ", 1), ("甲乙", 0), ("天", 100)])
        #expect(image.wordCount == 2)
        let segmenter = try Segmenter(image: image, usesHMM: false)
        #expect(segmenter.texts("甲乙") == ["甲", "乙"])
    }

    // MARK: Damaged images

    static func problem(loading bytes: [UInt8]) -> String? {
        do {
            _ = try DictionaryImage(bytes: bytes)
            return nil
        } catch {
            return error.problem
        }
    }

    /// Expects `bytes` to be refused with a problem that mentions `words`.
    static func expectRefused(_ bytes: [UInt8], mentioning words: String) throws {
        let refusal = try #require(Self.problem(loading: bytes), "the damaged image loaded")
        #expect(refusal.contains(words), "\(refusal)")
    }

    @Test("a flipped payload byte fails the checksum", arguments: [64, 70_000, -1])
    func corruptedPayload(offset: Int) throws {
        var bytes = Self.imageBytes
        let index = offset >= 0 ? offset : bytes.count + offset
        bytes[index] ^= 0x01
        try Self.expectRefused(bytes, mentioning: "checksum")
    }

    @Test("a changed digest in the header does not fail the checksum, it changes sourceDigest")
    func headerDigest() throws {
        var bytes = Self.imageBytes
        bytes.replaceSubrange(40..<48, with: [1, 0, 0, 0, 0, 0, 0, 0])
        let image = try DictionaryImage(bytes: bytes)
        #expect(image.sourceDigest == 1)
    }

    @Test("a truncated or padded image is refused", arguments: [-1, -8, -1000, 1, 8])
    func wrongLength(change: Int) throws {
        var bytes = Self.imageBytes
        if change < 0 { bytes.removeLast(-change) } else { bytes += [UInt8](repeating: 0, count: change) }
        try Self.expectRefused(bytes, mentioning: "truncated")
    }

    @Test("only a header is refused")
    func headerOnly() throws {
        let bytes = Array(Self.imageBytes.prefix(64))
        try Self.expectRefused(bytes, mentioning: "truncated")
    }

    @Test("bad magic numbers are refused", arguments: [
        Array("KEFUDICX".utf8), Array("kefudict".utf8), [UInt8](repeating: 0, count: 8),
    ])
    func badMagic(magic: [UInt8]) throws {
        var bytes = Self.imageBytes
        bytes.replaceSubrange(0..<8, with: magic)
        try Self.expectRefused(bytes, mentioning: "magic")
    }

    @Test("empty and short files are not images", arguments: [[], Array("KEFUDICT".utf8), Array("word 1 n\n".utf8)])
    func tooShort(bytes: [UInt8]) throws {
        try Self.expectRefused(bytes, mentioning: "magic")
    }

    @Test("another format version is refused")
    func wrongVersion() throws {
        var bytes = Self.imageBytes
        bytes[8] = 99
        try Self.expectRefused(bytes, mentioning: "version 99")
    }

    @Test("file errors name the file")
    func fileErrors() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let missing = directory.path("missing.kefudict")
        let empty = try directory.write("empty.kefudict", [])
        var bytes = Self.imageBytes
        bytes[bytes.count / 2] ^= 0xFF
        let corrupt = try directory.write("corrupt.kefudict", bytes)

        for (path, problem) in [(missing, "cannot read"), (empty, "empty"), (corrupt, "checksum"), (directory.url.path, "directory")] {
            do {
                _ = try DictionaryImage(contentsOf: path)
                Issue.record("\(path) loaded")
            } catch {
                #expect(error.path == path)
                #expect(error.problem.contains(problem), "\(error.problem)")
                #expect(error.description.hasPrefix("\(path): "))
            }
        }
    }

    // MARK: The shipped image

    @Test("the shipped image was compiled from the committed jieba sources")
    func shippedImageIsFresh() throws {
        let image = try ShippedDictionary.load()
        let sources = [try Repository.bytes("Data/jieba/dict.txt"), try Repository.bytes("Data/jieba/hmm_model.json")]
        #expect(image.sourceDigest == DictionaryImage.digest(ofSources: sources),
                "Sources/Segmentation/Resources/jieba.kefudict is stale: run `kefu compile-dictionary` (see CompileDictionary.swift)")
        #expect(image.wordCount > 300_000)
    }

    @Test("the digest depends on every source and their order")
    func digestSensitivity() {
        let a = Array("甲 1 n\n".utf8), b = Array("{}".utf8)
        let digest = DictionaryImage.digest(ofSources: [a, b])
        #expect(digest == DictionaryImage.digest(ofSources: [a, b]))
        #expect(digest != DictionaryImage.digest(ofSources: [b, a]))
        #expect(digest != DictionaryImage.digest(ofSources: [a + [0x20], b]))
        #expect(digest != DictionaryImage.digest(ofSources: [a]))
    }
}
