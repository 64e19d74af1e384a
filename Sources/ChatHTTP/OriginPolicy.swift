import HTTPTypes
import Hummingbird

/// Cross-origin access (`--allow-origin`): pages from the listed origins may call the API from a
/// browser; others get no CORS headers, so their browsers refuse. Also the headers every answer
/// carries: no content sniffing, no referrer.
struct OriginPolicy<Context: RequestContext>: RouterMiddleware {
    let allowed: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers[.origin]
        let allowedOrigin = origin.flatMap { origin in allowed.contains("*") ? "*" : allowed.contains(origin) ? origin : nil }
        var response: Response
        if request.method == .options, allowedOrigin != nil, request.headers[.accessControlRequestMethod] != nil {
            response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = "GET, POST, DELETE, OPTIONS"
            response.headers[.accessControlAllowHeaders] = "Content-Type, Authorization, X-Kefu-Agent"
            response.headers[.accessControlMaxAge] = "600"
        } else {
            do {
                response = try await next(request, context)
            } catch let failure as HTTPFailure {
                response = failure.response
            } catch let error as HTTPError where error.status == .notFound {
                response = Self.unrouted(request).response
            }
        }
        if let allowedOrigin {
            response.headers[.accessControlAllowOrigin] = allowedOrigin
            if allowedOrigin != "*" { response.headers[.vary] = "Origin" }
        }
        if response.status == .notFound, response.headers[.contentType] == nil { response = Self.unrouted(request).response }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }

    /// 405 with `Allow` for a known path asked with another method, else a JSON 404.
    static func unrouted(_ request: Request) -> HTTPFailure {
        let methods = RouteTable.methods(for: request.uri.path)
        guard !methods.isEmpty, !methods.contains(request.method) else { return HTTPFailure.notFound(request.uri.path) }
        let allow = methods.map(\.rawValue).joined(separator: ", ")
        var failure = HTTPFailure(.methodNotAllowed, "method_not_allowed", "\(request.uri.path.prefix(200)) takes \(allow), not \(request.method.rawValue)")
        failure.headers[.allow] = allow
        return failure
    }
}
