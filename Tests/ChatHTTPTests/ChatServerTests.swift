import ChatCore
import ChatEngine
@testable import ChatHTTP
import ChatService
import ChatStdio
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSTesting
import KefuTestSupport
import Logging
import NIOCore
import Prometheus
import SessionStorage
import Synchronization
import Testing

/// The shop fixture bot, loaded once for the suite.
enum ShopBot {
    static let loaded: Result<ChatEngine, any Error> = Result {
        try ChatEngine.load(botFolder: try FixtureBot.writeShop(stableFolder: "kefu-http-tests"))
    }

    static func engine() throws -> ChatEngine { try loaded.get() }
}

/// A server on the shop bot, on a free port for live tests.
func makeServer(token: String? = nil, origins: [String] = [], rateLimit: TokenBucket.Limit = .unlimited,
                store: (any SessionStore)? = nil) async throws -> ChatServer {
    let registry = PrometheusCollectorRegistry()
    let factory = PrometheusMetricsFactory(registry: registry)
    let hub = try await ConversationHub(engine: try ShopBot.engine(), store: store, agentsEnabled: token != nil,
                                  rateLimit: rateLimit, metrics: factory)
    var options = HTTPOptions()
    options.port = 0
    options.agentToken = token
    options.allowedOrigins = origins
    return try ChatServer(hub: hub, options: options, registry: registry, metrics: factory)
}

func application(_ server: ChatServer) -> some ApplicationProtocol {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return server.application(logger: logger)
}

func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }

    var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
}

let bearer: HTTPFields = [.authorization: "Bearer s3cret", .kefuAgent: "王芳"]

@Suite struct ChatServerTests {
    /// The demo lines of one conversation, with a fixed reference time.
    static let conversation = ["你好", "我想退货", "20241105123456", "尺码不合适", "运费怎么算", "谢谢"]
    static let now = "2026-11-23T10:00:00+08:00"

    @Test func theWebhookAndTheSessionAPIGiveTheStdioRepliesForTheSameLines() async throws {
        var stdio = StdioServer(engine: try ShopBot.engine())
        let input = Self.conversation.map { #"{"session":"s1","text":"\#($0)","now":"\#(Self.now)"}"# + "\n" }.joined()
        let stdioLines = String(decoding: await stdio.respond(toInput: Array(input.utf8)), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        try await application(try await makeServer()).test(.router) { client in
            for (line, expected) in zip(Self.conversation, stdioLines) {
                try await client.execute(uri: "/api/sessions/s1/messages", method: .post,
                                         body: json(#"{"text":"\#(line)","now":"\#(Self.now)"}"#)) { response in
                    #expect(response.status == .ok)
                    #expect(response.text == expected)   // byte for byte the stdio reply object
                }
            }
            for (line, expected) in zip(Self.conversation, stdioLines) {
                let reply = (try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? [String: Any])?["reply"] as? String
                try await client.execute(uri: "/webhooks/rest/webhook", method: .post,
                                         body: json(#"{"sender":"rasa1","message":"\#(line)"}"#)) { response in
                    #expect(response.status == .ok)
                    let messages = (try JSONSerialization.jsonObject(with: Data(response.text.utf8))) as? [[String: Any]]
                    #expect(messages?.first?["recipient_id"] as? String == "rasa1")
                    #expect(messages?.first?["text"] as? String == reply)
                }
            }
        }
    }

    @Test func quickRepliesComeAsRasaButtons() async throws {
        try await application(try await makeServer()).test(.router) { client in
            for line in ["取消订单", "20241105123456"] {
                try await client.execute(uri: "/webhooks/rest/webhook", method: .post,
                                         body: json(#"{"sender":"b1","message":"\#(line)"}"#)) { _ in }
            }
            try await client.execute(uri: "/api/sessions/b1", method: .get) { response in
                let state = response.object["state"] as? [String: Any]
                #expect(state?["pending"] as? String == "confirmation")
            }
            try await client.execute(uri: "/webhooks/rest/webhook", method: .post,
                                     body: json(#"{"sender":"b2","message":"你们怎么回事！！！垃圾服务"}"#)) { response in
                let messages = (try JSONSerialization.jsonObject(with: Data(response.text.utf8))) as? [[String: Any]]
                let buttons = messages?.first?["buttons"] as? [[String: String]]
                #expect(buttons?.map { $0["payload"] } == ["转人工", "不用了"])
            }
        }
    }

    @Test func aSessionIsIssuedReadAndReset() async throws {
        try await application(try await makeServer()).test(.router) { client in
            let session = try await client.execute(uri: "/api/sessions", method: .post) { response in
                #expect(response.status == .created)
                return response.object["session"] as? String ?? ""
            }
            #expect(session.count == 32 && session.allSatisfy(\.isHexDigit))
            try await client.execute(uri: "/api/sessions/\(session)/messages", method: .post, body: json(#"{"text":"我想退货","id":7}"#)) { response in
                #expect(response.object["id"] as? Int == 7)
            }
            try await client.execute(uri: "/api/sessions/\(session)", method: .get) { response in
                #expect((response.object["state"] as? [String: Any])?["turns"] as? Int == 1)
                let messages = response.object["messages"] as? [[String: Any]]
                #expect(messages?.map { $0["author"] as? String } == ["customer", "bot"])
                #expect(response.headers[.cacheControl] == "no-store")
            }
            try await client.execute(uri: "/api/sessions/\(session)", method: .delete) { response in
                #expect(response.text == #"{"session":"\#(session)","reset":true}"#)
            }
            try await client.execute(uri: "/api/sessions/\(session)", method: .get) { response in
                #expect((response.object["state"] as? [String: Any])?["turns"] as? Int == 0)
            }
        }
    }

    @Test(arguments: [
        (#"{"text":"#, HTTPResponse.Status.badRequest, "invalid_json"),
        ("[1,2]", .badRequest, "not_an_object"),
        (#"{"text":"   "}"#, .badRequest, "empty_text"),
        (#"{"text":5}"#, .badRequest, "invalid_field"),
        (#"{"text":"hi","now":"tomorrow"}"#, .badRequest, "invalid_field"),
        (#"{"command":"state"}"#, .badRequest, "invalid_field"),
        ("", .badRequest, "invalid_json"),
    ])
    func badBodiesGetTheStdioErrorCodes(body: String, status: HTTPResponse.Status, code: String) async throws {
        try await application(try await makeServer()).test(.router) { client in
            try await client.execute(uri: "/api/sessions/e1/messages", method: .post, body: json(body)) { response in
                #expect(response.status == status)
                #expect(response.errorCode == code)
            }
        }
    }

    @Test func invalidUTF8AndHugeBodiesAreRefusedAndTheServerGoesOn() async throws {
        try await application(try await makeServer()).test(.router) { client in
            var bad = ByteBuffer(string: #"{"sender":"u1","message":"退"#)
            bad.writeBytes([0xE9, 0x80])
            bad.writeString(#""}"#)
            try await client.execute(uri: "/webhooks/rest/webhook", method: .post, body: bad) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "invalid_utf8")
                #expect(response.object["session"] as? String == "u1")
            }
            let huge = #"{"text":""# + String(repeating: "退", count: 30_000) + #""}"#
            try await client.execute(uri: "/api/sessions/u1/messages", method: .post, body: json(huge)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorCode == "line_too_long")
            }
            try await client.execute(uri: "/api/sessions/u1/messages", method: .post, body: json(#"{"text":"你好"}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/sessions/never-seen", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorCode == "unknown_session")
            }
            try await client.execute(uri: "/api/sessions/never-seen", method: .delete) { response in
                #expect(response.status == .notFound)
            }
            let long = String(repeating: "a", count: 300)
            try await client.execute(uri: "/api/sessions/\(long)/messages", method: .post, body: json(#"{"text":"你好"}"#)) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "invalid_field")
            }
        }
    }

    @Test func aFloodFromOneSessionGets429AndOthersAreServed() async throws {
        let server = try await makeServer(rateLimit: .init(capacity: 5, perSecond: 0.1))
        try await application(server).test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<8 {
                try await client.execute(uri: "/webhooks/rest/webhook", method: .post,
                                         body: json(#"{"sender":"flood","message":"你好"}"#)) { response in
                    statuses.append(response.status)
                    if response.status == .tooManyRequests {
                        #expect(response.errorCode == "rate_limited")
                        #expect(response.headers[.retryAfter] != nil)
                    }
                }
            }
            #expect(statuses.prefix(5).allSatisfy { $0 == .ok })
            #expect(statuses.suffix(3).allSatisfy { $0 == .tooManyRequests })
            try await client.execute(uri: "/webhooks/rest/webhook", method: .post,
                                     body: json(#"{"sender":"calm","message":"你好"}"#)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func agentRoutesNeedTheTokenAndDriveAHandOff() async throws {
        try await application(try await makeServer(token: "s3cret")).test(.router) { client in
            try await client.execute(uri: "/webhooks/rest/webhook", method: .post, body: json(#"{"sender":"h1","message":"转人工"}"#)) { _ in }
            for headers: HTTPFields in [[:], [.authorization: "Bearer wrong"], [.authorization: "Bearer s3cret-and-more"], [.authorization: "s3cret"]] {
                try await client.execute(uri: "/api/agent/cases", method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.errorCode == "unauthorized")
                    #expect(!response.text.contains("h1"))
                }
            }
            try await client.execute(uri: "/api/agent/cases", method: .get, headers: bearer) { response in
                let cases = response.object["cases"] as? [[String: Any]]
                #expect(cases?.map { $0["session"] as? String } == ["h1"])
                #expect(cases?.first?["status"] as? String == "waiting")
                #expect(cases?.first?["reason"] as? String == "asked")
            }
            try await client.execute(uri: "/api/agent/cases/h1/messages", method: .post, headers: bearer, body: json(#"{"text":"您好"}"#)) { response in
                #expect(response.status == .conflict)   // claim first
                #expect(response.errorCode == "not_your_case")
            }
            try await client.execute(uri: "/api/agent/cases/h1/claim", method: .post, headers: bearer) { response in
                #expect(response.object["status"] as? String == "claimed")
                #expect(response.object["agent"] as? String == "王芳")
            }
            try await client.execute(uri: "/api/agent/cases/h1/messages", method: .post, headers: bearer,
                                     body: json(#"{"text":"您好，我是王芳"}"#)) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/webhooks/rest/webhook", method: .post, body: json(#"{"sender":"h1","message":"我的快递丢了"}"#)) { response in
                #expect(response.text == "[]")   // the bot stays quiet while the agent has it
            }
            try await client.execute(uri: "/api/sessions/h1/messages", method: .post, body: json(#"{"text":"在吗"}"#)) { response in
                #expect(response.object["status"] as? String == "claimed")
                #expect(response.object["reply"] is NSNull)
            }
            try await client.execute(uri: "/api/agent/cases/h1", method: .get, headers: bearer) { response in
                let messages = response.object["messages"] as? [[String: Any]]
                #expect(messages?.contains { $0["author"] as? String == "agent" && $0["text"] as? String == "您好，我是王芳" } == true)
            }
            try await client.execute(uri: "/api/agent/cases/h1/release", method: .post, headers: bearer) { response in
                #expect(response.object["status"] as? String == "released")
            }
            try await client.execute(uri: "/webhooks/rest/webhook", method: .post, body: json(#"{"sender":"h1","message":"运费怎么算"}"#)) { response in
                #expect(response.text.contains("recipient_id"))   // the bot answers again
            }
            try await client.execute(uri: "/api/agent/cases/h1/claim", method: .post, headers: bearer) { response in
                #expect(response.status == .conflict)
                #expect(response.errorCode == "not_handed_off")
            }
        }
    }

    @Test func withoutATokenTheAgentSideIsNotThere() async throws {
        try await application(try await makeServer()).test(.router) { client in
            try await client.execute(uri: "/api/agent/cases", method: .get, headers: bearer) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/agent", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func pagesHealthAndMetrics() async throws {
        try await application(try await makeServer(token: "s3cret")).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                #expect(response.text.contains("/chat.js"))
            }
            for path in ["/chat.js", "/chat.css", "/agent", "/agent.js", "/agent.css", "/favicon.svg"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(!response.text.isEmpty)
                }
            }
            try await client.execute(uri: "/webhooks/rest/webhook", method: .post, body: json(#"{"sender":"m1","message":"转人工"}"#)) { _ in }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.text == #"{"status":"ok","waiting":1}"#)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.text.contains("kefu_turns_total 1"))
                #expect(response.text.contains("kefu_turn_duration_seconds_bucket"))
                #expect(response.text.contains("kefu_handoffs_waiting 1"))
                #expect(response.text.contains(#"kefu_handoffs_total{reason="asked"} 1"#))
            }
        }
    }

    @Test func otherMethodsGet405AndUnknownPathsAJSON404() async throws {
        try await application(try await makeServer()).test(.router) { client in
            try await client.execute(uri: "/api/sessions/abc", method: .put) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, DELETE")
                #expect(response.errorCode == "method_not_allowed")
            }
            try await client.execute(uri: "/webhooks/rest/webhook", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
            }
            try await client.execute(uri: "/no/such/page", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorCode == "not_found")
            }
        }
    }

    @Test func crossOriginCallsOnlyFromAllowedOrigins() async throws {
        try await application(try await makeServer(origins: ["https://shop.example.com"])).test(.router) { client in
            let body = json(#"{"sender":"o1","message":"你好"}"#)
            try await client.execute(uri: "/webhooks/rest/webhook", method: .post,
                                     headers: [.origin: "https://shop.example.com"], body: body) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "https://shop.example.com")
            }
            try await client.execute(uri: "/webhooks/rest/webhook", method: .post,
                                     headers: [.origin: "https://evil.example.net"], body: body) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(uri: "/webhooks/rest/webhook", method: .options,
                                     headers: [.origin: "https://shop.example.com", .accessControlRequestMethod: "POST"]) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowMethods]?.contains("POST") == true)
            }
        }
    }

    @Test func theAgentTokenCheckComparesWholeTokens() {
        let token = AgentToken("s3cret")
        #expect(token.matches("s3cret".utf8))
        #expect(!token.matches("s3cre".utf8))
        #expect(!token.matches("s3cret!".utf8))
        #expect(!token.matches("S3cret".utf8))
        #expect(!token.matches("".utf8))
    }

    @Test(arguments: [("8080", "127.0.0.1", 8080), ("0.0.0.0:80", "0.0.0.0", 80), ("[::1]:9000", "::1", 9000)])
    func addressesAreRead(text: String, host: String, port: Int) {
        let address = HTTPOptions.address(text)
        #expect(address?.host == host)
        #expect(address?.port == port)
    }

    @Test func badAddressesAreRefused() {
        for text in ["", "http", ":80", "host:99999", "localhost:"] { #expect(HTTPOptions.address(text) == nil, "\(text)") }
    }
}
