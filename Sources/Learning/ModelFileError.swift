/// Why bytes could not be read as a model file, or a file could not be read or written. Each
/// case says what is wrong; the usual fix for a damaged, foreign or newer file is to retrain.
public enum ModelFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes do not start with the model file's magic: some other kind of file.
    case notAModelFile
    /// Written by a newer (or unknown) version of the format than this build reads.
    case unsupportedVersion(found: UInt32, supported: UInt32)
    /// The file is shorter than its header says.
    case truncated(expectedBytes: Int, actualBytes: Int)
    /// The payload's checksum differs from the stored one: the file was damaged.
    case checksumMismatch(stored: UInt64, computed: UInt64)
    /// The file holds a different kind of model.
    case wrongKind(expected: String, found: String)
    /// An entry the model needs is absent.
    case missingEntry(String)
    /// An entry has another shape or type than the model needs.
    case shapeMismatch(entry: String, expected: String, found: String)
    /// The payload passed its checksum but does not decode (a writer bug, not damage).
    case malformed(String)
    /// The file system refused (path and the system's reason).
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .notAModelFile:
            "not a Kefu model file (the first bytes are not the model magic); point to a file written by kefu"
        case .unsupportedVersion(let found, let supported):
            "model file format version \(found) is newer than this build reads (up to \(supported)); "
                + "retrain the model with this build or upgrade kefu"
        case .truncated(let expected, let actual):
            "the model file is truncated: \(actual) bytes where the header promises \(expected); retrain or copy it again"
        case .checksumMismatch(let stored, let computed):
            "the model file is damaged: its checksum is \(hex(computed)) but \(hex(stored)) was stored; retrain or copy it again"
        case .wrongKind(let expected, let found):
            "the model file holds a \"\(found)\" model, not a \"\(expected)\" one"
        case .missingEntry(let name):
            "the model file has no entry \"\(name)\"; it was written by an incompatible build — retrain"
        case .shapeMismatch(let entry, let expected, let found):
            "the model file's entry \"\(entry)\" is \(found) where \(expected) is needed; retrain"
        case .malformed(let problem):
            "the model file is malformed: \(problem); retrain"
        case .io(let path, let reason):
            "cannot access the model file \(path): \(reason)"
        }
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 16 - digits.count) + digits
    }
}
