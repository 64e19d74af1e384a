/// A model as named entries — float tensors with shapes, integer lists, string lists — that
/// encodes to the versioned binary model format and back, bit for bit.
///
/// File layout (all numbers little-endian):
///
/// ```
/// offset  size  field
/// 0       8     magic "KEFUMODL"
/// 8       4     format version (UInt32, currently 1)
/// 12      8     payload length N (UInt64)
/// 20      N     payload: kind (string), entry count (UInt32), entries
/// 20+N    8     checksum: 64-bit FNV-1a of the payload
///
/// string:  UInt32 byte count, UTF-8 bytes
/// entry:   name (string), type (UInt8: 1 floats, 2 integers, 3 strings), then
///          floats:   rank (UInt32), each dimension (UInt64), the floats' IEEE-754 bit patterns (UInt32 each)
///          integers: count (UInt64), Int64 each
///          strings:  count (UInt64), each a string
/// ```
///
/// Reading checks, in order: magic (`notAModelFile`), version (`unsupportedVersion`), length
/// (`truncated`), checksum (`checksumMismatch`), then the payload.
public struct ModelArchive: Sendable, Equatable {
    /// The first eight bytes of every model file.
    public static let magic: [UInt8] = Array("KEFUMODL".utf8)
    /// The format version this build writes and the newest it reads.
    public static let formatVersion: UInt32 = 1

    /// One entry's contents.
    public enum Value: Sendable, Equatable {
        /// A float tensor: its shape and its values (row-major).
        case floats(shape: [Int], values: [Float])
        /// A list of integers.
        case integers([Int64])
        /// A list of strings (e.g. a vocabulary).
        case strings([String])
    }

    /// What the file holds, e.g. `kefu.faq-reranker`; checked when reading.
    public var kind: String
    /// The entries, in the order they are written.
    public private(set) var entries: [(name: String, value: Value)] = []

    /// An empty archive of `kind`.
    public init(kind: String) { self.kind = kind }

    public static func == (lhs: ModelArchive, rhs: ModelArchive) -> Bool {
        lhs.kind == rhs.kind && lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// Sets entry `name` (replacing one of the same name, else appending).
    public mutating func set(_ name: String, _ value: Value) {
        if let index = entries.firstIndex(where: { $0.name == name }) {
            entries[index].value = value
        } else {
            entries.append((name, value))
        }
    }

    /// Sets entry `name` to a matrix (shape `[rows, columns]`).
    public mutating func set(_ name: String, _ matrix: Matrix) {
        set(name, .floats(shape: [matrix.rows, matrix.columns], values: matrix.values))
    }

    /// The value of entry `name`.
    public func value(_ name: String) throws(ModelFileError) -> Value {
        guard let entry = entries.first(where: { $0.name == name }) else { throw .missingEntry(name) }
        return entry.value
    }

    /// Entry `name` as a matrix, optionally of a required shape.
    public func matrix(_ name: String, rows: Int? = nil, columns: Int? = nil) throws(ModelFileError) -> Matrix {
        guard case .floats(let shape, let values) = try value(name), shape.count == 2 else {
            throw .shapeMismatch(entry: name, expected: "a matrix", found: "another kind of entry")
        }
        if (rows.map { $0 != shape[0] } ?? false) || (columns.map { $0 != shape[1] } ?? false) {
            throw .shapeMismatch(entry: name, expected: "\(rows.map(String.init) ?? "any") × \(columns.map(String.init) ?? "any")",
                                 found: "\(shape[0]) × \(shape[1])")
        }
        return Matrix(rows: shape[0], columns: shape[1], values: values)
    }

    /// Entry `name` as integers.
    public func integers(_ name: String) throws(ModelFileError) -> [Int64] {
        guard case .integers(let values) = try value(name) else {
            throw .shapeMismatch(entry: name, expected: "a list of integers", found: "another kind of entry")
        }
        return values
    }

    /// Entry `name` as strings.
    public func strings(_ name: String) throws(ModelFileError) -> [String] {
        guard case .strings(let values) = try value(name) else {
            throw .shapeMismatch(entry: name, expected: "a list of strings", found: "another kind of entry")
        }
        return values
    }

    /// Stores every tensor of `parameters` as `prefix` + its name.
    public mutating func store<Parameters: ParameterTensors>(_ parameters: Parameters, prefix: String) {
        for tensor in Parameters.tensorPaths { set(prefix + tensor.name, parameters[keyPath: tensor.path]) }
    }

    /// Overwrites every tensor of `parameters` with the entry `prefix` + its name, which must have
    /// the tensor's shape (so build `parameters` with the right sizes first).
    public func load<Parameters: ParameterTensors>(into parameters: inout Parameters, prefix: String) throws(ModelFileError) {
        for tensor in Parameters.tensorPaths {
            let current = parameters[keyPath: tensor.path]
            parameters[keyPath: tensor.path] = try matrix(prefix + tensor.name, rows: current.rows, columns: current.columns)
        }
    }

    /// A 64-bit FNV-1a hash of the encoded payload: equal for equal models (same seed and data →
    /// same hash), independent of the file header.
    public var contentHash: UInt64 { StableHash.of(encodedPayload()) }
}
