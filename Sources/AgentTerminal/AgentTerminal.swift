import ChatCore
import ChatREPL
import CReadline
import Dispatch
import Foundation
import Synchronization

/// `kefu agent --server URL`: the agent console in a terminal. The queue and the customers'
/// lines arrive live (printed above the line being typed); commands pick a case, claim it,
/// answer, and give it back to the bot or close it. A line that is not a command goes to the
/// customer of the current case.
///
/// ```
/// kefu agent> :list
///  1  9f3a2c81e0b4  waiting  the customer asked for a human (intent human_agent)  2 min
/// kefu agent> :claim 1
/// kefu agent> 您好，我是王芳，我来帮您查一下
/// ```
public enum AgentTerminal {
    static let help = """
        :list              the waiting and claimed conversations, oldest first (numbered)
        :open N|SESSION    show a conversation so far and make it the current one
        :claim [N|SESSION] take the conversation (the current one without an argument)
        TEXT               write to the customer of the current, claimed conversation
        :release           give the current conversation back to the bot
        :close             end the current conversation
        :help, :quit       this help; leave (Ctrl-D too)
        """

    /// Connects and runs the console until the agent quits or the server goes away.
    /// - Parameter interactive: readline on a terminal; otherwise plain lines (scripts, tests),
    ///   each command waiting for its answer before the next is read.
    public static func run(server: String, token: String, agent: String, interactive: Bool) async throws(AgentError) {
        let link = try AgentLink(server: server, token: token, agent: agent)
        let printer = Printer(interactive: interactive)
        let session = Session(link: link, agent: agent, printer: printer)
        let connected = Gate()
        let connection = Task {
            do {
                try await link.run { frame in
                    // The queue is in the inbox before the first command is read.
                    printer.print(session.inbox.withLock { $0.apply(frame, now: Date().timeIntervalSince1970) })
                    if frame["type"]?.string == "queue" { connected.open(nil) }
                    if frame["type"]?.string == "error", frame["error"]?["code"]?.string == "unauthorized" {
                        connected.open("the server refused the agent token")
                    }
                }
                connected.open("the server closed the connection")
            } catch {
                connected.open("cannot open the agent connection to \(server) (\(error)): check that kefu serve --http runs there with --agent-token, and the token (a wrong one is refused)")
            }
        }
        if let failure = await connected.wait() {
            link.close()
            throw AgentError(failure)
        }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                session.readCommands()
                done.resume()
            }
            thread.stackSize = 1 << 22
            thread.start()
        }
        link.close()
        _ = await connection.result
    }

    /// The command loop, on its own thread (readline blocks).
    private final class Session: Sendable {
        let link: AgentLink
        let inbox: Mutex<AgentInbox>
        let printer: Printer

        init(link: AgentLink, agent: String, printer: Printer) {
            self.link = link
            inbox = Mutex(AgentInbox(agent: agent))
            self.printer = printer
        }

        func readCommands() {
            var source: any LineSource = printer.interactive
                ? LineEditor(historyFile: nil, warn: { [printer] in printer.print([$0]) }) as any LineSource
                : PlainLineSource()
            while true {
                printer.reading(true)
                let next = source.nextLine(prompt: "kefu agent> ")
                printer.reading(false)
                guard let next else { return }
                guard case .text(let raw) = next else {
                    printer.print(["that line is not valid UTF-8; type it again"])
                    continue
                }
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty { continue }
                if line == ":quit" || line == ":q" { return }
                printer.print(perform(line))
            }
        }

        /// Runs one command and returns what to show.
        private func perform(_ line: String) -> [String] {
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : nil
            switch words[0] {
            case ":help", ":h": return AgentTerminal.help.split(separator: "\n").map(String.init)
            case ":list", ":queue", ":l": return inbox.withLock { $0.listing(now: Date().timeIntervalSince1970) }
            case ":open", ":o":
                guard let session = pick(argument, needed: true) else { return [missing(argument)] }
                return open(session)
            case ":claim", ":c":
                guard let session = pick(argument, needed: false) else { return [missing(argument)] }
                var lines = argument == nil ? [] : open(session)
                lines += act("claim", session) { "claimed \(AgentInbox.short(session)); type to write to the customer" }
                return lines
            case ":release", ":r":
                guard let session = current() else { return ["no current conversation; :open one first"] }
                return act("release", session) { "gave \(AgentInbox.short(session)) back to the bot" }
            case ":close":
                guard let session = current() else { return ["no current conversation; :open one first"] }
                return act("close", session) { "closed \(AgentInbox.short(session))" }
            default:
                if line.hasPrefix(":") { return ["unknown command \(words[0]); :help lists them"] }
                guard let session = current() else { return ["no current conversation; :list, then :claim N"] }
                let answer = blocking { try await self.link.send("message", session: session, text: line) }
                switch answer {
                case .success(let frame) where frame["type"]?.string == "error": return [Self.error(frame)]
                case .success: return ["you: \(line)"]
                case .failure(let error): return ["not sent: \(error)"]
                }
            }
        }

        private func open(_ session: String) -> [String] {
            switch blocking({ try await self.link.send("open", session: session) }) {
            case .success(let frame) where frame["type"]?.string == "conversation":
                let me = inbox.withLock { inbox in
                    inbox.current = session
                    return inbox.agent
                }
                return AgentInbox.transcript(frame["conversation"] ?? .null, me: me)
            case .success(let frame): return [Self.error(frame)]
            case .failure(let error): return ["cannot open it: \(error)"]
            }
        }

        private func act(_ command: String, _ session: String, done: () -> String) -> [String] {
            switch blocking({ try await self.link.send(command, session: session) }) {
            case .success(let frame) where frame["type"]?.string == "ok":
                inbox.withLock { $0.update(frame) }
                return [done()]
            case .success(let frame): return [Self.error(frame)]
            case .failure(let error): return ["\(command) failed: \(error)"]
            }
        }

        private func current() -> String? { inbox.withLock { $0.current } }

        /// The session an argument names, or the current one without an argument (when allowed).
        private func pick(_ argument: String?, needed: Bool) -> String? {
            guard let argument else { return needed ? nil : current() }
            return inbox.withLock { inbox in
                if inbox.listed.isEmpty { _ = inbox.listing(now: 0) }
                return inbox.resolve(argument)
            }
        }

        private func missing(_ argument: String?) -> String {
            argument.map { "no open conversation is \($0); :list shows them" } ?? "name a conversation: :list, then :open N"
        }

        private static func error(_ frame: JSONValue) -> String {
            "error: " + (frame["error"]?["message"]?.string ?? "unknown")
        }

        /// Waits on this thread for `body` to finish on the concurrency pool.
        private func blocking(_ body: @escaping @Sendable () async throws -> JSONValue) -> Result<JSONValue, any Error> {
            let semaphore = DispatchSemaphore(value: 0)
            let result = Mutex<Result<JSONValue, any Error>>(.failure(AgentError("no answer")))
            Task {
                do {
                    let value = try await body()
                    result.withLock { $0 = .success(value) }
                } catch {
                    result.withLock { $0 = .failure(error) }
                }
                semaphore.signal()
            }
            semaphore.wait()
            return result.withLock { $0 }
        }
    }
}

/// Writes lines for the agent: above the prompt while readline waits for input, plainly otherwise.
final class Printer: Sendable {
    let interactive: Bool
    private let state = Mutex(false)   // whether readline is reading

    init(interactive: Bool) { self.interactive = interactive }

    func reading(_ reading: Bool) { state.withLock { $0 = reading } }

    func print(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        let text = lines.joined(separator: "\n") + "\n"
        state.withLock { reading in
            if interactive, reading {
                kefu_print_above(text)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}

/// Opens once, with an optional failure, for whoever waits.
final class Gate: Sendable {
    private let state = Mutex<(opened: Bool, failure: String?, waiters: [CheckedContinuation<String?, Never>])>((false, nil, []))

    func open(_ failure: String?) {
        let waiters = state.withLock { state -> [CheckedContinuation<String?, Never>] in
            guard !state.opened else { return [] }
            state.opened = true
            state.failure = failure
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: failure) }
    }

    func wait() async -> String? {
        await withCheckedContinuation { (waiter: CheckedContinuation<String?, Never>) in
            let now = state.withLock { state -> (Bool, String?) in
                if state.opened { return (true, state.failure) }
                state.waiters.append(waiter)
                return (false, nil)
            }
            if now.0 { waiter.resume(returning: now.1) }
        }
    }
}
