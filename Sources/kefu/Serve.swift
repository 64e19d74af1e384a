import SessionStorage
import ArgumentParser
import ChatHTTP
import ChatService
import Logging
import Metrics
import Prometheus
import ChatEngine
import ChatStdio
import Foundation
import Transcripts
import PostgresStore

/// `kefu serve --stdio`: the JSON-lines adapter (DESIGN §3); `kefu serve --http [HOST:]PORT`:
/// HTTP and WebSocket with the web chat page and the agents' side. Both optionally keep sessions in SQLite.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the bot over standard input and output (JSON lines) or HTTP and WebSocket.",
        discussion: """
            --stdio reads one JSON request a line on standard input and writes one JSON reply a line, in \
            the requests' order, for any number of interleaved sessions:

              {"session":"c42","text":"我想退货"}           → {"session":"c42","reply":…,"intent":…,"confidence":…,"answer":…,"slots":{…},"handoff":false}
              {"session":"c42","command":"state"}          → {"session":"c42","state":{"turns","active_intent","slots","fallbacks","handoff"}}
              {"session":"c42","command":"reset"}          → {"session":"c42","reset":true}

            An "id" (any JSON value) is echoed in its reply; "now" (ISO 8601) fixes the time \
            relative dates are read against for that line. A bad line gets \
            {"error":{"code":…,"message":…},"line":N} and the stream goes on; codes: \
            \(ErrorCode.allCases.map(\.rawValue).joined(separator: ", ")). End of input ends the \
            process with status 0.

            With --store FILE every session's state and every turn are written to an SQLite file \
            (WAL) before the reply goes out, so a restarted server continues every session. With \
            --store postgres://USER[:PASS]@HOST[:PORT]/DB (password also from PGPASSWORD) they go to \
            PostgreSQL instead, which several servers may share: any of them may take any line of \
            any session. bot.yml's sessions.idle_timeout (default 30m) starts a fresh dialogue \
            context after a silence; at most --sessions sessions are kept in memory.

            With --record DIR each session's conversation is kept as a transcript in DIR \
            (<session>.yml; after a reset <session>-2.yml …), rewritten after every batch of \
            lines, ready for kefu replay; with --http also what agents wrote (human: true on \
            lines an agent answered, agent: their messages, released: true where they gave \
            the conversation back).

            --http [HOST:]PORT (default 127.0.0.1:8080) serves the web chat page at /, Rasa's \
            REST webhook (POST /webhooks/rest/webhook), the session API (POST \
            /api/sessions/ID/messages, GET and DELETE /api/sessions/ID), the chat WebSocket \
            (/ws), /healthz and /metrics (Prometheus); docs/openapi.yaml lists them all. With an \
            agent token (--agent-token or KEFU_AGENT_TOKEN) conversations the bot hands off wait \
            in a queue for human agents: the agent console at /agent, kefu agent in a terminal. \
            SIGTERM or Ctrl-C stops it gracefully: lines being answered finish and are stored.
            """
    )

    @Flag(name: .customLong("stdio"), help: "Serve JSON lines on standard input and output.")
    var stdio = false

    @Option(name: .customLong("http"), help: ArgumentHelp("Serve HTTP and WebSocket on this address (8080, 0.0.0.0:8080).", valueName: "[host:]port"))
    var http: String?

    @Option(name: .customLong("agent-token"), help: ArgumentHelp("The human agents' shared secret (else KEFU_AGENT_TOKEN); without one the agent side is off.", valueName: "token"))
    var agentToken: String?

    @Option(name: .customLong("allow-origin"), help: ArgumentHelp("Let pages from this origin call the API from a browser (repeatable; * for any).", valueName: "origin"))
    var allowOrigin: [String] = []

    @Option(name: .customLong("rate-limit"), help: ArgumentHelp("Customer lines a second one session may send after a burst of 20 (0: no limit).", valueName: "lines"))
    var rateLimit: Double = 2

    @Option(name: .customLong("bot"), help: ArgumentHelp("The bot folder.", valueName: "dir"))
    var bot = "."

    @Option(name: .customLong("store"), help: ArgumentHelp("Keep sessions and their turns in this SQLite file or PostgreSQL database (postgres://…).", valueName: "file|url"))
    var store: String?

    @Option(name: .customLong("sessions"), help: ArgumentHelp("The most sessions kept in memory (the least recently used beyond it are read again from the store; without one, forgotten).", valueName: "count"))
    var sessionCapacity = ConversationHub.defaultSessionCapacity

    @Option(name: .customLong("record"), help: ArgumentHelp("Write each session's conversation as a transcript file in this folder.", valueName: "dir"))
    var record: String?

    func validate() throws {
        if stdio == (http != nil) {
            throw ValidationError("kefu serve needs one transport: --stdio (JSON lines) or --http [HOST:]PORT")
        }
        if let http, HTTPOptions.address(http) == nil {
            throw ValidationError("--http '\(http)' is not an address; give a port (8080) or HOST:PORT (0.0.0.0:8080)")
        }
        if sessionCapacity < 1 { throw ValidationError("--sessions must be at least 1") }
        if let store, PostgresAddress.isPostgres(store) {
            do { _ = try PostgresAddress(store) } catch { throw ValidationError(error.description) }
        }
        if rateLimit < 0 || !rateLimit.isFinite { throw ValidationError("--rate-limit must be 0 (no limit) or a positive number of lines a second") }
        if agentToken?.isEmpty == true { throw ValidationError("--agent-token is empty; give a secret, or leave it out to turn the agent side off") }
        if stdio, agentToken != nil || !allowOrigin.isEmpty {
            throw ValidationError("--agent-token and --allow-origin are for --http")
        }
    }

    func run() async throws {
        if let http { return try await serveHTTP(http) }
        try await serveStdio()
    }

    private func serveStdio() async throws {
        let engine: ChatEngine
        do { engine = try Chat.load(bot) } catch { throw CLIError(error.description) }   // progress bar on a terminal only
        for warning in engine.loadReport?.warnings ?? [] { printError("kefu serve: \(warning)") }
        let opened = try await store.asyncMap { try await OpenedStore.open($0, mask: engine.privacyMask) }   // bot.yml's privacy setting
        let pruning = engine.bot.settings.sessions.retention.flatMap { retention in
            opened?.pruning(retention: retention, warn: { printError("kefu serve: \($0)") })
        }
        defer {
            pruning?.cancel()
            opened?.close()
        }
        var server = StdioServer(engine: engine, store: opened?.store)
        server.idleTimeout = engine.bot.settings.sessions.idleTimeout
        server.sessionCapacity = sessionCapacity
        if let record {
            do { server.recording = try RecordingFolder(folder: record, mask: engine.privacyMask) } catch { throw CLIError(error.description) }
            server.warn = { printError("kefu serve: \($0)") }
        }
        var output = OutputBuffer(descriptor: STDOUT_FILENO)
        do {
            try await server.serve(read: { buffer throws(LineReader.ReadError) -> Int in
                while true {
                    let count = read(STDIN_FILENO, buffer.baseAddress, buffer.count)
                    if count >= 0 { return count }
                    if errno != EINTR { throw LineReader.ReadError(message: String(cString: strerror(errno))) }
                }
            }, write: { bytes in
                output.append(bytes)
                output.flushIfFull()
            }, flush: { output.flush() })
        } catch {
            output.flush()
            throw CLIError("cannot read standard input: \(error.message)")
        }
    }
}

extension Serve {
    /// `--http`: the engine behind Hummingbird until SIGTERM or SIGINT.
    private func serveHTTP(_ address: String) async throws {
        var options = HTTPOptions()
        if let (host, port) = HTTPOptions.address(address) { (options.host, options.port) = (host, port) }
        options.agentToken = agentToken ?? ProcessInfo.processInfo.environment["KEFU_AGENT_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        options.allowedOrigins = allowOrigin
        let engine: ChatEngine
        do { engine = try Chat.load(bot) } catch { throw CLIError(error.description) }
        for warning in engine.loadReport?.warnings ?? [] { printError("kefu serve: \(warning)") }
        let opened = try await store.asyncMap { try await OpenedStore.open($0, mask: engine.privacyMask) }
        let pruning = engine.bot.settings.sessions.retention.flatMap { retention in
            opened?.pruning(retention: retention, warn: { printError("kefu serve: \($0)") })
        }
        defer {
            pruning?.cancel()
            opened?.close()
        }
        var recording: RecordingFolder?
        if let record {
            do { recording = try RecordingFolder(folder: record, mask: engine.privacyMask) } catch { throw CLIError(error.description) }
        }
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: "kefu")
        logger.logLevel = .warning
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        MetricsSystem.bootstrap(factory)
        let limit = rateLimit == 0 ? TokenBucket.Limit.unlimited : TokenBucket.Limit(capacity: max(20, rateLimit * 10), perSecond: rateLimit)
        let hub: ConversationHub
        do {
            hub = try await ConversationHub(engine: engine, store: opened?.store, agentsEnabled: options.agentToken != nil,
                                      rateLimit: limit, metrics: factory, recording: recording,
                                      idleTimeout: engine.bot.settings.sessions.idleTimeout, sessionCapacity: sessionCapacity,
                                      warn: { printError("kefu serve: \($0)") })
        } catch {
            throw CLIError(error.description)
        }
        let server: ChatServer
        do { server = try ChatServer(hub: hub, options: options, registry: registry, metrics: factory) } catch { throw CLIError(error.description) }
        let agents = options.agentToken != nil
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        let app = server.application(logger: logger) { port in
            let base = "http://\(host):\(port)"
            printError("kefu serve: listening on \(base) — chat page \(base)/\(agents ? ", agent console \(base)/agent" : " (no agent token: the agent side is off)")")
        }
        do {
            try await app.runService()
        } catch {
            throw CLIError("cannot serve on \(address): \(error)")
        }
    }
}

extension Optional {
    /// The wrapped value through an async `transform`, or nil.
    func asyncMap<Mapped>(_ transform: (Wrapped) async throws -> Mapped) async rethrows -> Mapped? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
