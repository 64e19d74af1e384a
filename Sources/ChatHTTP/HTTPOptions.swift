/// How `kefu serve --http` listens and who may do what.
public struct HTTPOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The agents' shared secret; nil turns the agent side off (its routes answer 404).
    public var agentToken: String?
    /// Origins whose pages may call the API from a browser (CORS); `*` for any. Empty: only the
    /// server's own pages.
    public var allowedOrigins: [String] = []
    /// The largest request body read, in bytes (64 KiB, the stdio line limit).
    public static let bodyLimit = 1 << 16

    public init() {}

    /// Reads `--http [HOST:]PORT`: `8080`, `0.0.0.0:80`, `[::1]:8080`.
    public static func address(_ text: String) -> (host: String, port: Int)? {
        var host = "127.0.0.1"
        var portText = Substring(text)
        if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            guard !host.isEmpty else { return nil }
        }
        guard let port = Int(portText), (0...65_535).contains(port) else { return nil }
        return (host, port)
    }
}
