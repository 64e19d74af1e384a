import HTTPTypes

/// The paths the server answers and their methods, so a request for a known path with another
/// method gets 405 with `Allow` (not 404), and an unknown path a JSON 404.
enum RouteTable {
    /// Path patterns (`:name` matches one segment) and their methods.
    static let routes: [(pattern: [Substring], methods: [HTTPRequest.Method])] = [
        ("/webhooks/rest/webhook", [.post]),
        ("/api/sessions", [.post]),
        ("/api/sessions/:session", [.get, .delete]),
        ("/api/sessions/:session/messages", [.post]),
        ("/api/agent/cases", [.get]),
        ("/api/agent/cases/:session", [.get]),
        ("/api/agent/cases/:session/claim", [.post]),
        ("/api/agent/cases/:session/messages", [.post]),
        ("/api/agent/cases/:session/release", [.post]),
        ("/api/agent/cases/:session/close", [.post]),
        ("/healthz", [.get]),
        ("/metrics", [.get]),
        ("/ws", [.get]),
        ("/api/agent/ws", [.get]),
    ].map { ($0.0.split(separator: "/"), $0.1) }

    /// The methods a path takes; empty for a path the server does not have.
    static func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/")
        for route in routes where route.pattern.count == segments.count {
            if zip(route.pattern, segments).allSatisfy({ $0.hasPrefix(":") || $0 == $1 }) { return route.methods }
        }
        return []
    }
}
