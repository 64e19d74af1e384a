import ChatService
import ChatStdio
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import Synchronization
import CoreMetrics

/// `kefu serve --http`: the bot over HTTP and WebSocket on Hummingbird, for web pages, Rasa
/// clients and programs, with the human agents' side (docs/openapi.yaml lists every route).
///
/// ```
/// POST /webhooks/rest/webhook  {"sender":"c42","message":"我想退货"} → [{"recipient_id":"c42","text":"请提供您的订单号…"}]
/// POST /api/sessions/c42/messages  {"text":"我想退货"}   → the stdio reply object
/// GET  /ws?session=…            the chat page's socket: replies, agent messages, typing, hand-off status
/// GET  /api/agent/cases         the hand-off queue (Authorization: Bearer TOKEN)
/// ```
public struct ChatServer: Sendable {
    public let hub: ConversationHub
    public let options: HTTPOptions
    let pages: Pages
    let registry: PrometheusCollectorRegistry
    let token: AgentToken?
    let sockets: SocketGauge

    /// - Parameters:
    ///   - registry: the Prometheus registry `/metrics` shows (the one the hub's factory writes to).
    ///   - factory: where the socket gauge goes.
    public init(hub: ConversationHub, options: HTTPOptions, registry: PrometheusCollectorRegistry,
                metrics factory: any MetricsFactory) throws(HTTPSetupError) {
        self.hub = hub
        self.options = options
        self.registry = registry
        pages = try Pages()
        token = options.agentToken.map(AgentToken.init)
        sockets = SocketGauge(factory: factory)
    }

    /// Every route, plain and WebSocket.
    public func router() -> Router<BasicWebSocketRequestContext> {
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.middlewares.add(OriginPolicy(allowed: options.allowedOrigins))
        addPageRoutes(to: router)
        addCustomerRoutes(to: router)
        addAgentRoutes(to: router)
        addSocketRoutes(to: router)
        return router
    }

    /// The server, ready for `runService()` (which stops gracefully on SIGTERM and SIGINT:
    /// requests in flight finish, their turns stored, then the sockets close).
    public func application(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol {
        let router = router()
        let hub = self.hub
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router, configuration: .init(ws: .init(maxFrameSize: HTTPOptions.bodyLimit))),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "kefu"),
            services: [ShutdownWatch(hub: hub)],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    private func addPageRoutes(to router: Router<BasicWebSocketRequestContext>) {
        for route in Pages.routes where token != nil || !route.path.hasPrefix("/agent") {
            let pages = self.pages
            router.get(RouterPath(route.path)) { request, _ -> Response in
                guard let page = pages.response(route.path) else { throw HTTPFailure.notFound(request.uri.path) }
                return page
            }
        }
        let hub = self.hub
        router.get("/healthz") { _, _ -> Response in
            let waiting = hub.queue().filter { $0.status == .waiting }.count
            return JSONBody.make { line in
                line.open()
                line.key("status"); line.string("ok")
                line.key("waiting"); line.integer(waiting)
                line.close()
            }
        }
        let registry = self.registry
        router.get("/metrics") { _, _ -> Response in
            var bytes: [UInt8] = []
            registry.emit(into: &bytes)
            var headers: HTTPFields = [:]
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}

/// The number of open WebSockets, for `/metrics`.
final class SocketGauge: Sendable {
    private let gauge: CoreMetrics.Gauge
    private let count = Mutex(0)

    init(factory: any MetricsFactory) { gauge = CoreMetrics.Gauge(label: "kefu_websockets_open", factory: factory) }

    func opened() { gauge.record(count.withLock { $0 += 1; return $0 }) }
    func closed() { gauge.record(count.withLock { $0 -= 1; return $0 }) }
}

/// Ends the open sockets' event streams when the server is asked to stop, so WebSocket handlers
/// return and the graceful shutdown can finish.
struct ShutdownWatch: Service {
    let hub: ConversationHub

    func run() async throws {
        try? await gracefulShutdown()
        hub.shutDown()
    }
}
