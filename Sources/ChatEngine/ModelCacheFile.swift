import Learning

/// One cached model as bytes: which bot folder it was trained from, its model hash, and the two
/// trained parts in their own formats (each with its own checksum).
///
/// Layout (little-endian):
///
/// ```
/// magic "KEFUCACH" (8) · format version UInt32 · header length UInt32
/// header: folder key, engine version, model hash (each UInt32 byte count + UTF-8),
///         intent model length UInt64, re-ranker length UInt64 (0: no knowledge base)
/// header checksum UInt64 (FNV-1a of the header)
/// intent model bytes (`KEFUINTM`) · re-ranker bytes (`KEFUMODL`, kind kefu.reranker)
/// ```
///
/// The sections are checked by their own decoders; the header checksum and the exact total
/// length catch a damaged header or a truncated file before any section is decoded.
struct ModelCacheFile: Equatable {
    static let magic = Array("KEFUCACH".utf8)
    static let formatVersion: UInt32 = 1

    /// The bot folder's content key (`BotFingerprint`) the model was trained from.
    var folderKey: String
    /// `ChatEngine.version` of the engine that trained it.
    var engineVersion: String
    /// The trained model's hash (hex).
    var modelHash: String
    /// `IntentModel.serialized()`.
    var intentModel: [UInt8]
    /// `ModelArchive.encoded()` of the re-ranker; empty when the bot has no knowledge base.
    var reranker: [UInt8]

    /// The file's bytes.
    func encoded() -> [UInt8] {
        var header: [UInt8] = []
        for text in [folderKey, engineVersion, modelHash] {
            Self.append(UInt32(text.utf8.count), to: &header)
            header += Array(text.utf8)
        }
        Self.append(UInt64(intentModel.count), to: &header)
        Self.append(UInt64(reranker.count), to: &header)
        var bytes = Self.magic
        bytes.reserveCapacity(Self.magic.count + 16 + header.count + intentModel.count + reranker.count)
        Self.append(Self.formatVersion, to: &bytes)
        Self.append(UInt32(header.count), to: &bytes)
        bytes += header
        Self.append(StableHash.of(header), to: &bytes)
        bytes += intentModel
        bytes += reranker
        return bytes
    }

    /// Reads a file written by `encoded()`.
    /// - Throws: `ModelCacheFileError` for foreign bytes, another format version, a damaged
    ///   header or a length that does not match.
    /// The re-ranker's section is the file's own buffer with the head removed in place, so the
    /// file is held in memory once.
    init(decoding bytes: consuming [UInt8]) throws(ModelCacheFileError) {
        let layout = try Self.layout(of: bytes)
        (folderKey, engineVersion, modelHash) = (layout.folderKey, layout.engineVersion, layout.modelHash)
        intentModel = Array(bytes[layout.intentModel])
        var rest = consume bytes
        rest.removeSubrange(0..<layout.intentModel.upperBound)
        reranker = rest
    }

    /// The header's values and where the intent model's section is (the re-ranker's follows it
    /// to the end); checked, so the readers holding the bytes are gone before they are cut.
    private static func layout(of bytes: [UInt8]) throws(ModelCacheFileError)
        -> (folderKey: String, engineVersion: String, modelHash: String, intentModel: Range<Int>) {
        let prefix = magic.count + 8
        guard bytes.count >= prefix, bytes.starts(with: magic) else { throw .notACacheFile }
        var reader = Reader(bytes: bytes, position: magic.count)
        let version = try reader.uint32()
        guard version == formatVersion else { throw .unsupportedVersion(version) }
        let headerLength = Int(try reader.uint32())
        guard headerLength <= bytes.count - prefix - 8 else { throw .truncated }
        let header = bytes[prefix..<(prefix + headerLength)]
        var tail = Reader(bytes: bytes, position: prefix + headerLength)
        guard try tail.uint64() == StableHash.of(header) else { throw .damagedHeader }
        let folderKey = try reader.string()
        let engineVersion = try reader.string()
        let modelHash = try reader.string()
        let intentLength = try reader.uint64(), rerankerLength = try reader.uint64()
        guard reader.position == prefix + headerLength else { throw .damagedHeader }
        let sectionsStart = tail.position
        guard intentLength <= UInt64(bytes.count), rerankerLength <= UInt64(bytes.count),
              UInt64(bytes.count - sectionsStart) == intentLength + rerankerLength else { throw .truncated }
        return (folderKey, engineVersion, modelHash, sectionsStart..<(sectionsStart + Int(intentLength)))
    }

    init(folderKey: String, engineVersion: String, modelHash: String, intentModel: [UInt8], reranker: [UInt8]) {
        self.folderKey = folderKey
        self.engineVersion = engineVersion
        self.modelHash = modelHash
        self.intentModel = intentModel
        self.reranker = reranker
    }

    private static func append<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    /// Reads little-endian numbers and strings from the header.
    private struct Reader {
        let bytes: [UInt8]
        var position: Int

        mutating func uint32() throws(ModelCacheFileError) -> UInt32 { UInt32(truncatingIfNeeded: try integer(4)) }
        mutating func uint64() throws(ModelCacheFileError) -> UInt64 { try integer(8) }

        mutating func string() throws(ModelCacheFileError) -> String {
            let count = Int(try uint32())
            guard count <= bytes.count - position else { throw .damagedHeader }
            defer { position += count }
            guard let text = String(validating: bytes[position..<(position + count)], as: UTF8.self) else { throw .damagedHeader }
            return text
        }

        private mutating func integer(_ size: Int) throws(ModelCacheFileError) -> UInt64 {
            guard size <= bytes.count - position else { throw .truncated }
            var value: UInt64 = 0
            for offset in (0..<size).reversed() { value = value << 8 | UInt64(bytes[position + offset]) }
            position += size
            return value
        }
    }
}

/// Why a model cache file could not be read.
enum ModelCacheFileError: Error, Equatable, CustomStringConvertible {
    case notACacheFile
    case unsupportedVersion(UInt32)
    case truncated
    case damagedHeader

    var description: String {
        switch self {
        case .notACacheFile: return "it is not a Kefu model cache (no KEFUCACH magic)"
        case .unsupportedVersion(let version): return "it has cache format version \(version), this build reads \(ModelCacheFile.formatVersion)"
        case .truncated: return "it is truncated"
        case .damagedHeader: return "its header is damaged"
        }
    }
}
