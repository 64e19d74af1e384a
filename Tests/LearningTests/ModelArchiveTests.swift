import KefuTestSupport
import Learning
import Testing

@Suite("Model file format") struct ModelArchiveTests {
    static func sample() -> ModelArchive {
        var archive = ModelArchive(kind: "kefu.test")
        archive.set("weights", Matrix(rows: 2, columns: 3, values: [1.5, -0.0, .nan, .infinity, 1e-45, -3.4e38]))
        archive.set("vocabulary", .strings(["发货", "退货", ""]))
        archive.set("sizes", .integers([3, -1, Int64.max]))
        archive.set("cube", .floats(shape: [2, 1, 2], values: [1, 2, 3, 4]))
        return archive
    }

    /// Bit patterns, so NaN and −0 compare exactly.
    static func bits(_ archive: ModelArchive) -> [UInt32] {
        guard case .floats(_, let values) = try? archive.value("weights") else { return [] }
        return values.map(\.bitPattern)
    }

    @Test("round trip is bit-exact, in memory and through a file")
    func roundTrip() throws {
        let archive = Self.sample()
        let bytes = archive.encoded()
        let decoded = try ModelArchive(decoding: bytes, expectedKind: "kefu.test")
        #expect(Self.bits(decoded) == Self.bits(archive))
        #expect(decoded.encoded() == bytes)
        #expect(try decoded.strings("vocabulary") == ["发货", "退货", ""] && decoded.integers("sizes") == [3, -1, Int64.max])
        #expect(decoded.contentHash == archive.contentHash)
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try archive.write(toFile: directory.path("model.kefu"))
        #expect(try ModelArchive(contentsOfFile: directory.path("model.kefu")).encoded() == bytes)
        #expect(throws: ModelFileError.self) { try ModelArchive(contentsOfFile: directory.path("missing.kefu")) }
    }

    @Test("an encoder saved and loaded back is identical and encodes identically")
    func encoderRoundTrip() throws {
        let (encoder, _) = TrainingTests.train(seed: 2, steps: 3, chunks: 2)
        var archive = ModelArchive(kind: "kefu.test")
        encoder.store(in: &archive, prefix: "ranker.")
        let loaded = try SentenceEncoder(archive: ModelArchive(decoding: archive.encoded()), prefix: "ranker.")
        #expect(loaded == encoder)
        let query = TrainingTests.batch(encoder)[1].query
        #expect(loaded.encode(query) == encoder.encode(query))
    }

    @Test("header: the layout is as documented")
    func header() {
        let bytes = Self.sample().encoded()
        #expect(Array(bytes[0..<8]) == Array("KEFUMODL".utf8))
        #expect(Array(bytes[8..<12]) == [1, 0, 0, 0])
        let length = (0..<8).reduce(0) { $0 | Int(bytes[12 + $1]) << (8 * $1) }
        #expect(length == bytes.count - 28)
    }

    @Test("a flipped byte anywhere is rejected with the error for its place", arguments: [0, 5, 8, 21, 60, -1])
    func flippedByte(offset: Int) {
        var bytes = Self.sample().encoded()
        let position = offset >= 0 ? offset : bytes.count + offset
        bytes[position] ^= 0x40
        do {
            _ = try ModelArchive(decoding: bytes)
            Issue.record("a file with byte \(position) flipped was accepted")
        } catch {
            switch position {
            case 0..<8: #expect(error == .notAModelFile)
            case 8..<12: #expect(error == .unsupportedVersion(found: 0x40 << 0 | 1, supported: 1))
            default:
                guard case .checksumMismatch = error else { Issue.record("\(error)"); return }
                #expect(error.description.contains("damaged"))
            }
        }
    }

    @Test("truncated files are rejected as truncated", arguments: [12, 20, 27, 100, -1])
    func truncated(keep: Int) {
        let bytes = Self.sample().encoded()
        let kept = keep >= 0 ? keep : bytes.count + keep
        do {
            _ = try ModelArchive(decoding: Array(bytes[0..<kept]))
            Issue.record("a file cut to \(kept) bytes was accepted")
        } catch {
            if kept < 20 {
                #expect(error == .truncated(expectedBytes: 28, actualBytes: kept))
            } else {
                #expect(error == .truncated(expectedBytes: bytes.count, actualBytes: kept))
                #expect(error.description.contains("truncated"))
            }
        }
    }

    @Test("foreign files, newer versions, trailing bytes and the wrong kind are rejected clearly")
    func foreign() {
        #expect(throws: ModelFileError.notAModelFile) { try ModelArchive(decoding: Array("GIF89a, not a model at all".utf8)) }
        #expect(throws: ModelFileError.notAModelFile) { try ModelArchive(decoding: []) }
        var newer = Self.sample().encoded()
        newer[8] = 2
        #expect(throws: ModelFileError.unsupportedVersion(found: 2, supported: 1)) { try ModelArchive(decoding: newer) }
        #expect(ModelFileError.unsupportedVersion(found: 2, supported: 1).description.contains("newer"))
        #expect(throws: ModelFileError.malformed("1 unexpected bytes after the checksum")) {
            try ModelArchive(decoding: Self.sample().encoded() + [0])
        }
        #expect(throws: ModelFileError.wrongKind(expected: "kefu.faq-reranker", found: "kefu.test")) {
            try ModelArchive(decoding: Self.sample().encoded(), expectedKind: "kefu.faq-reranker")
        }
    }

    @Test("missing entries and wrong shapes are named")
    func entries() {
        let archive = Self.sample()
        #expect(throws: ModelFileError.missingEntry("bias")) { try archive.matrix("bias") }
        #expect(throws: ModelFileError.shapeMismatch(entry: "weights", expected: "3 × any", found: "2 × 3")) {
            try archive.matrix("weights", rows: 3)
        }
        #expect(throws: ModelFileError.self) { try archive.integers("vocabulary") }
        var gru = GRU(inputWeights: Matrix(rows: 2, columns: 3), recurrentWeights: Matrix(rows: 1, columns: 3),
                      inputBias: Matrix(rows: 1, columns: 3), recurrentBias: Matrix(rows: 1, columns: 3))
        #expect(throws: ModelFileError.missingEntry("gru.inputWeights")) { try archive.load(into: &gru, prefix: "gru.") }
    }
}
