import ChatCore
import ChatEngine
import Dialogue
import Entities
import Foundation
import Transcripts

/// One conversation at the REPL: customer lines go to the engine and come back as replies,
/// agent commands (`:why`, `:state`, `:save` …) look inside. Holds no dialogue logic of its own:
/// the state is the engine's `DialogueState`, passed in and taken back each turn.
///
/// ```swift
/// var session = ChatSession(engine: engine, botFolder: ".", style: .terminal,
///                           loader: { folder throws(ChatEngineError) in try ChatEngine.load(botFolder: folder) })
/// var lines = PlainLineSource()
/// var output = StandardStreams()
/// session.run(lines: &lines, output: &output)   // 「我想退货」 → 客服：请提供您的订单号（14位数字）。
/// ```
public struct ChatSession {
    /// Loads (trains) the engine of a bot folder, for `:reload`.
    public typealias EngineLoader = (String) throws(ChatEngineError) -> ChatEngine

    /// The longest line handled, in Unicode scalars; longer lines are refused with a message.
    public static let maximumLineLength = 2_000

    public internal(set) var engine: ChatEngine
    /// The bot folder the engine was loaded from, for `:reload`.
    public let botFolder: String
    public let style: ChatStyle
    /// The conversation so far.
    public internal(set) var state = DialogueState.start
    /// The customer turns since the start or the last `:reset`, for `:save`.
    public internal(set) var transcript = TranscriptRecorder()
    /// Whether each reply is followed by its policy, intent and answer.
    public internal(set) var isDebugging = false

    /// The last customer line, as `:why` explains it: in the state it was answered in, at the
    /// time it was answered.
    var lastLine: (text: String, state: DialogueState, time: ReferenceTime)?
    /// Lines read so far, for messages in plain style.
    private var lineNumber = 0
    let clock: () -> ReferenceTime
    let loader: EngineLoader

    /// A session with `engine`, loaded from `botFolder`; `clock` gives each line its reference
    /// time for relative dates (default: now, in the bot's time zone).
    public init(engine: ChatEngine, botFolder: String, style: ChatStyle,
                clock: (() -> ReferenceTime)? = nil, loader: @escaping EngineLoader) {
        self.engine = engine
        self.botFolder = botFolder
        self.style = style
        let zone = engine.timeZone
        self.clock = clock ?? { ReferenceTime(Date(), in: zone) }
        self.loader = loader
    }

    /// What the prompt shows on a terminal.
    public var prompt: String { style == .terminal ? "顾客> " : "" }

    /// The lines shown before the first prompt: which bot, and where help is.
    ///
    /// `Kefu 客服 · 小蜜 (bot folder main: 28 intents, 106 knowledge-base entries; model 3f9a1c2b4d5e from the cache (0.12 s))`
    public var banner: String {
        let bot = engine.bot
        let folder = URL(fileURLWithPath: botFolder).standardizedFileURL.lastPathComponent
        return "Kefu 客服 · \(bot.settings.name) (bot folder \(folder): \(bot.intents.count) intents, "
            + "\(bot.knowledgeBase.count) knowledge-base entries" + (engine.loadReport.map { "; \($0.banner)" } ?? "") + ")\n"
            + "Type as a customer would. :help lists the agent commands (:why explains a reply); Ctrl-D or :quit leaves.\n"
    }

    /// What tab completion offers for this bot.
    public var completionVocabulary: CompletionVocabulary {
        CompletionVocabulary(intents: engine.bot.intents.map(\.name))
    }

    /// Reads and answers lines until the end of input or `:quit`.
    public mutating func run(lines: inout some LineSource, output: inout some OutputSink) {
        var vocabulary = completionVocabulary
        lines.complete(with: vocabulary)
        while let line = lines.nextLine(prompt: prompt) {
            guard handle(line, output: &output) else { return }
            if completionVocabulary != vocabulary {   // :reload may have changed the intents
                vocabulary = completionVocabulary
                lines.complete(with: vocabulary)
            }
        }
    }

    /// Handles one line: answers a customer line, runs an agent command, or says what is wrong
    /// with the line. Returns false when the session should end (`:quit`).
    public mutating func handle(_ input: InputLine, output: inout some OutputSink) -> Bool {
        lineNumber += 1
        guard case let .text(raw) = input else {
            problem("the line is not valid UTF-8; it was skipped (send UTF-8 text)", output: &output)
            return true
        }
        let length = raw.unicodeScalars.count
        guard length <= Self.maximumLineLength else {
            problem("the line is too long (\(length) characters; at most \(Self.maximumLineLength)); it was skipped",
                    output: &output)
            return true
        }
        let line = raw.trimmingWhitespace()
        if line.isEmpty { return true }
        if let command = AgentCommand(parsing: line) {
            return run(command, output: &output)
        }
        answer(line, output: &output)
        return true
    }

    /// Answers a customer line and records the turn.
    private mutating func answer(_ line: String, output: inout some OutputSink) {
        let time = clock()
        let (reply, next) = engine.respond(to: line, in: state, at: time)
        lastLine = (line, state, time)
        state = next
        transcript.record(line, reply, at: time)
        output.write(Self.show(reply.text, style: style))
        if isDebugging { output.write("  " + engine.privacyMask.mask(Self.debugLine(reply)) + "\n") }
    }

    /// A reply as the user sees it. On a terminal: after 「客服：」, its further lines indented
    /// under the first. In plain style: on one line, its lines joined by a space, so a script
    /// reads one reply per customer line.
    static func show(_ text: String, style: ChatStyle) -> String {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        switch style {
        case .terminal: return "客服：" + lines.joined(separator: "\n      ") + "\n"
        case .plain: return lines.joined(separator: " ") + "\n"
        }
    }

    /// The line `:debug on` adds under each reply:
    /// `[knowledge_answer · from knowledge_base return-policy · read as return_request 0.94 · answer return-policy 0.81]`.
    static func debugLine(_ reply: Reply) -> String {
        var parts = [reply.policy.rawValue, "from \(reply.source)"]
        parts.append(reply.understood.map { "read as \($0.name) \($0.confidence.fixed())" } ?? "no intent")
        if let answer = reply.answer { parts.append("answer \(answer.id) \(answer.confidence.fixed())") }
        if !reply.slots.isEmpty {
            parts.append("slots " + reply.slots.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        }
        if reply.handoff { parts.append("handoff") }
        return "[" + parts.joined(separator: " · ") + "]"
    }

    /// Says what was wrong with a line: inline on a terminal, on standard error with the line's
    /// number in plain style (masked, like all debug output).
    mutating func problem(_ message: String, output: inout some OutputSink) {
        let message = engine.privacyMask.mask(message)
        switch style {
        case .terminal: output.write("(\(message))\n")
        case .plain: output.warn("kefu chat: line \(lineNumber): \(message)\n")
        }
    }
}
