#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds and loads the dictionary image that ships with Kefu (jieba's dictionary and HMM model,
/// compiled): `$KEFU_DICTIONARY` when set, else the resource bundle beside the executable
/// (`kefu_Segmentation.resources/jieba.kefudict`), else the source checkout it was built from.
public enum ShippedDictionary {
    /// The image's file name inside the resources.
    public static let fileName = "jieba.kefudict"

    /// Paths tried, in order.
    public static var candidatePaths: [String] {
        var paths: [String] = []
        if let override = getenv("KEFU_DICTIONARY") { paths.append(String(cString: override)) }
        if let executable = executableDirectory() {
            paths.append("\(executable)/kefu_Segmentation.resources/\(fileName)")
            paths.append("\(executable)/kefu_Segmentation.bundle/\(fileName)")
            paths.append("\(executable)/kefu_Segmentation.bundle/Contents/Resources/\(fileName)")
        }
        let sourceFile = "\(#filePath)"
        if let slash = sourceFile.lastIndex(of: "/") {
            paths.append("\(sourceFile[..<slash])/Resources/\(fileName)")
        }
        return paths
    }

    /// Loads the shipped image, once per process.
    public static func load() throws(DictionaryImageError) -> DictionaryImage {
        switch cached {
        case .success(let image): return image
        case .failure(let error): throw error
        }
    }

    private static let cached: Result<DictionaryImage, DictionaryImageError> = {
        for path in candidatePaths where access(path, R_OK) == 0 {
            return Result { () throws(DictionaryImageError) in try DictionaryImage(contentsOf: path) }
        }
        return .failure(DictionaryImageError(
            path: nil,
            problem: "the shipped dictionary \(fileName) was not found; looked in: \(candidatePaths.joined(separator: ", ")). Set KEFU_DICTIONARY to its path"))
    }()

    private static func executableDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }
}

extension Segmenter {
    /// A segmenter over the shipped jieba dictionary, with `userWords` added.
    public static func shipped(userWords: WordList = WordList(), usesHMM: Bool = true) throws -> Segmenter {
        try Segmenter(image: ShippedDictionary.load(), userWords: userWords, usesHMM: usesHMM)
    }
}
