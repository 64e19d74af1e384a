import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The web pages built into the binary (SwiftPM resources under `Pages/`): the chat page at `/`
/// and the agent console at `/agent`, each an HTML file with its own CSS and JavaScript, no
/// third-party code. Read once at start.
struct Pages: Sendable {
    struct File: Sendable {
        var bytes: ByteBuffer
        var type: String
    }

    private let files: [String: File]

    /// The files a page is made of, by URL path.
    static let routes: [(path: String, file: String, type: String)] = [
        ("/", "chat.html", "text/html; charset=utf-8"),
        ("/chat.css", "chat.css", "text/css; charset=utf-8"),
        ("/chat.js", "chat.js", "text/javascript; charset=utf-8"),
        ("/agent", "agent.html", "text/html; charset=utf-8"),
        ("/agent.css", "agent.css", "text/css; charset=utf-8"),
        ("/agent.js", "agent.js", "text/javascript; charset=utf-8"),
        ("/favicon.svg", "favicon.svg", "image/svg+xml"),
    ]

    /// Reads the pages from the module's resources.
    /// - Throws: a message naming the missing file when the binary was moved without its resources.
    init() throws(HTTPSetupError) {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Pages") else {
            throw HTTPSetupError("the web pages are missing: the kefu binary's resource bundle (kefu_ChatHTTP.resources) must sit beside it")
        }
        var files: [String: File] = [:]
        for route in Self.routes {
            let url = folder.appendingPathComponent(route.file)
            guard let data = try? Data(contentsOf: url) else {
                throw HTTPSetupError("the web page file '\(url.path)' is missing; reinstall kefu with its resource bundle")
            }
            files[route.path] = File(bytes: ByteBuffer(bytes: data), type: route.type)
        }
        self.files = files
    }

    /// The page at `path`, with headers that keep it from running anything not its own.
    func response(_ path: String) -> Response? {
        guard let file = files[path] else { return nil }
        var headers: HTTPFields = [:]
        headers[.contentType] = file.type
        headers[.cacheControl] = "no-cache"
        headers[.contentSecurityPolicy] = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; base-uri 'none'; form-action 'self'"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: file.bytes))
    }
}

/// Why the HTTP channel cannot start.
public struct HTTPSetupError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
