/// The compiled word dictionary and character HMM, loaded from one binary file in a few
/// milliseconds instead of parsing 349k text lines.
///
/// Layout (little-endian, every section 8-byte aligned): a 64-byte header — magic `KEFUDICT`,
/// format version, state count, alphabet size, supplementary-scalar count, word count, log of the
/// total frequency, digest of the source texts, checksum and length of the payload — then the
/// payload: BMP code table (UInt16 × 65536), supplementary scalars and codes (UInt32 each), trie
/// cells (UInt64: base, check, fixed-point log frequency), HMM start (4 Float), transitions
/// (16 Float) and emissions (4 Float per code).
public final class DictionaryImage: @unchecked Sendable {
    static let magic: [UInt8] = Array("KEFUDICT".utf8)
    static let formatVersion: UInt32 = 2
    static let headerSize = 64

    let alphabet: Alphabet
    let trie: DoubleArrayTrie
    let model: HiddenMarkovModel
    /// Natural log of the sum of all word frequencies.
    let logTotal: Double
    /// Number of distinct (folded) words.
    public let wordCount: Int
    /// Digest of the source texts this image was compiled from.
    public let sourceDigest: UInt64
    private let owner: AnyObject

    /// Loads and verifies an image file. The file is mapped into memory, not copied.
    public convenience init(contentsOf path: String) throws(DictionaryImageError) {
        let mapping: MappedFile
        do {
            mapping = try MappedFile(path: path)
        } catch {
            throw DictionaryImageError(path: path, problem: "cannot read: \(error.problem)")
        }
        do {
            try self.init(bytes: mapping.bytes, keepingAlive: mapping)
        } catch {
            throw DictionaryImageError(path: path, problem: error.problem)
        }
    }

    /// Loads and verifies an image held in memory (the bytes are copied).
    public convenience init(bytes: [UInt8]) throws(DictionaryImageError) {
        let copy = AlignedBytes(bytes)
        try self.init(bytes: copy.bytes, keepingAlive: copy)
    }

    /// - Parameter owner: keeps `bytes` valid for the image's lifetime.
    private init(bytes: UnsafeRawBufferPointer, keepingAlive owner: AnyObject) throws(DictionaryImageError) {
        guard bytes.count >= Self.headerSize, Array(bytes[0..<8]) == Self.magic else {
            throw DictionaryImageError(path: nil, problem: "not a Kefu dictionary image (bad magic number)")
        }
        func u32(_ offset: Int) -> UInt32 { bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
        func u64(_ offset: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        let version = u32(8)
        guard version == Self.formatVersion else {
            throw DictionaryImageError(path: nil, problem: "format version \(version), this build reads version \(Self.formatVersion); recompile the image")
        }
        let stateCount = Int(u32(12)), alphabetSize = Int(u32(16)), supplementaryCount = Int(u32(20))
        let layout = ImageLayout(stateCount: stateCount, alphabetSize: alphabetSize, supplementaryCount: supplementaryCount)
        let payloadLength = Int(u64(56))
        guard payloadLength == layout.payloadLength, bytes.count == Self.headerSize + payloadLength else {
            throw DictionaryImageError(path: nil, problem: "truncated or padded: \(bytes.count) bytes where the header promises \(Self.headerSize + layout.payloadLength)")
        }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[Self.headerSize...])
        guard Checksum.of(payload) == u64(48) else {
            throw DictionaryImageError(path: nil, problem: "checksum mismatch: the file is corrupted")
        }
        func section<T>(_ range: Range<Int>, _ type: T.Type) -> UnsafeBufferPointer<T> {
            let raw = UnsafeRawBufferPointer(rebasing: payload[range])
            return UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: T.self), count: raw.count / MemoryLayout<T>.stride)
        }
        self.owner = owner
        alphabet = Alphabet(
            bmpCodes: section(layout.bmpCodes, UInt16.self),
            supplementaryScalars: section(layout.supplementaryScalars, UInt32.self),
            supplementaryCodes: section(layout.supplementaryCodes, UInt32.self),
            size: alphabetSize)
        trie = DoubleArrayTrie(cells: section(layout.trieCells, UInt64.self))
        model = HiddenMarkovModel(
            start: section(layout.hmmStart, Float.self),
            transition: section(layout.hmmTransition, Float.self),
            emission: section(layout.hmmEmission, Float.self))
        wordCount = Int(u32(24))
        logTotal = Double(bitPattern: u64(32))
        sourceDigest = u64(40)
        // Every table read is bounds-checked where it is used (trie targets against the cell
        // count, HMM rows against the alphabet size), so the checksum is the only scan needed.
    }

}

/// Where each section of an image lies in its payload.
struct ImageLayout {
    let bmpCodes, supplementaryScalars, supplementaryCodes, trieCells: Range<Int>
    let hmmStart, hmmTransition, hmmEmission: Range<Int>
    let payloadLength: Int

    init(stateCount: Int, alphabetSize: Int, supplementaryCount: Int) {
        var offset = 0
        func next(_ bytes: Int) -> Range<Int> {
            let range = offset..<(offset + bytes)
            offset += (bytes + 7) & ~7
            return range
        }
        bmpCodes = next(0x10000 * 2)
        supplementaryScalars = next(supplementaryCount * 4)
        supplementaryCodes = next(supplementaryCount * 4)
        trieCells = next(stateCount * 8)
        hmmStart = next(4 * 4)
        hmmTransition = next(16 * 4)
        hmmEmission = next(alphabetSize * 4 * 4)
        payloadLength = offset
    }
}

/// A dictionary image that cannot be used, and why.
public struct DictionaryImageError: Error, CustomStringConvertible, Sendable {
    public var path: String?
    public var problem: String
    public var description: String { path.map { "\($0): \(problem)" } ?? problem }
}
