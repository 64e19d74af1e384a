import Foundation

/// A bot's cached models: `.kefu/model-<first 16 hex digits of the folder key>.kefumodel`, one
/// file a bot-folder content, written through a temporary file renamed into place so a reader
/// never sees half a model. Only the newest few files are kept.
///
/// ```
/// .kefu/model-9f3c2a1b0d4e5f60.kefumodel
/// ```
struct ModelCache: Sendable {
    /// The cache folder (`<bot>/.kefu` unless told otherwise).
    let folder: String

    static let folderName = ".kefu"
    static let fileExtension = "kefumodel"
    /// Cache files kept in the folder, the one just written included.
    static let keptFiles = 3

    init(botFolder: String, folder: String? = nil) {
        self.folder = folder ?? (botFolder.hasSuffix("/") ? botFolder + Self.folderName : "\(botFolder)/\(Self.folderName)")
    }

    /// The file a model of `folderKey` is cached in.
    func path(for folderKey: String) -> String {
        "\(folder)/model-\(folderKey.prefix(16)).\(Self.fileExtension)"
    }

    /// What the cache holds for a key.
    enum Lookup {
        /// No file for the key.
        case missing
        case found(ModelCacheFile)
        /// A file is there but cannot be used; the problem, one line naming the file.
        case unusable(String)
    }

    /// The cached model for `folderKey` trained by `engineVersion`.
    func read(folderKey: String, engineVersion: String) -> Lookup {
        let path = path(for: folderKey)
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        guard let bytes = fileContents(path) else {
            return .unusable("cannot read the cached model \(path); retrained")
        }
        do {
            let file = try ModelCacheFile(decoding: bytes)
            guard file.folderKey == folderKey, file.engineVersion == engineVersion else {
                return .unusable("the cached model \(path) belongs to another bot folder or engine version; retrained")
            }
            return .found(file)
        } catch {
            return .unusable("the cached model \(path) is unusable (\(error)); retrained")
        }
    }

    /// Writes `file` under its key and removes old cache files beyond `keptFiles`; returns the path.
    /// - Throws: `ModelCacheWriteError` naming the folder or file and the system's reason.
    func write(_ file: ModelCacheFile) throws(ModelCacheWriteError) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw ModelCacheWriteError(path: folder, reason: Self.systemReason()) }
        } else if !isDirectory.boolValue {
            throw ModelCacheWriteError(path: folder, reason: "it is a file, not a folder")
        }
        let path = path(for: file.folderKey)
        let partial = "\(path).\(getpid()).partial"
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw ModelCacheWriteError(path: partial, reason: Self.systemReason()) }
        let bytes = file.encoded()
        var written = 0
        let failure: String? = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            while written < raw.count {
                let count = Foundation.write(descriptor, base + written, raw.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return Self.systemReason()
                }
                written += count
            }
            return nil
        }
        let closed = close(descriptor)
        if let failure = failure ?? (closed == 0 ? nil : Self.systemReason()) {
            unlink(partial)
            throw ModelCacheWriteError(path: partial, reason: failure)
        }
        guard rename(partial, path) == 0 else {
            let reason = Self.systemReason()
            unlink(partial)
            throw ModelCacheWriteError(path: path, reason: reason)
        }
        prune(keeping: path)
        return path
    }

    /// Removes the oldest cache files so that at most `keptFiles` remain, never `kept`.
    private func prune(keeping kept: String) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return }
        let others = names.filter { $0.hasPrefix("model-") && $0.hasSuffix("." + Self.fileExtension) }
            .map { "\(folder)/\($0)" }
            .filter { $0 != kept }
            .map { path in (path, (try? manager.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast) }
            .sorted { $0.1 > $1.1 }
        for (path, _) in others.dropFirst(Self.keptFiles - 1) { try? manager.removeItem(atPath: path) }
    }

    private static func systemReason() -> String { String(cString: strerror(errno)) }
}

/// The model could not be cached.
struct ModelCacheWriteError: Error, CustomStringConvertible {
    var path: String
    var reason: String

    var description: String { "cannot write \(path): \(reason)" }
}

/// A file's bytes, read straight into one array (no `Data` copy: the model is tens of MB).
func fileContents(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    let size = Int(status.st_size)
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        count = 0
        while count < size {
            let got = read(descriptor, buffer.baseAddress! + count, size - count)
            guard got > 0 else { break }
            count += got
        }
    }
    return bytes.count == size ? bytes : nil
}

