import ChatEngine
import Dialogue
import Entities
import Foundation
import Transcripts

/// Turns transcripts into conversation logs by replaying their customer lines through the bot,
/// each transcript in a fresh session, as `kefu replay` does.
///
/// A transcript records checks, not outcomes, so which turns fell back or handed off is what the
/// *current* bot answers: stats over transcripts describe today's bot on those lines, not what
/// happened when they were recorded.
///
/// ```swift
/// var replayer = TranscriptReplayer(botFolder: ".")
/// let log = try replayer.replay(transcript)     // 「我想退货」 → policy slot_prompt, intent return_request
/// ```
public struct TranscriptReplayer {
    /// The bot folder for transcripts without their own `bot:`.
    public var botFolder: String
    private let loader: (String) throws(ChatEngineError) -> ChatEngine
    private var engines: [String: ChatEngine] = [:]

    /// A replayer that loads each bot folder once with `loader` (default: `ChatEngine.load`).
    public init(botFolder: String,
                loader: @escaping (String) throws(ChatEngineError) -> ChatEngine = { folder throws(ChatEngineError) in
                    try ChatEngine.load(botFolder: folder)
                }) {
        self.botFolder = botFolder
        self.loader = loader
    }

    /// A replayer with an engine already loaded for `botFolder`.
    public init(engine: ChatEngine, botFolder: String) {
        self.init(botFolder: botFolder)
        engines[botFolder] = engine
    }

    /// The engine for `folder`, loaded on first use.
    public mutating func engine(for folder: String) throws(AnalyticsError) -> ChatEngine {
        if let engine = engines[folder] { return engine }
        do {
            let engine = try loader(folder)
            engines[folder] = engine
            return engine
        } catch {
            throw AnalyticsError("cannot load the bot folder '\(folder)': \(error.description)")
        }
    }

    /// The engine for `folder` if one was loaded already (no training).
    public func loadedEngine(for folder: String) -> ChatEngine? { engines[folder] }

    /// The transcript's lines with the replies the bot gives them now.
    /// - Throws: `AnalyticsError` when the transcript's bot folder does not load or its `now:` is
    ///   not an ISO 8601 time.
    public mutating func replay(_ transcript: Transcript) throws(AnalyticsError) -> ConversationLog {
        let engine = try engine(for: folder(of: transcript))
        let reference: ReferenceTime
        if let now = transcript.now {
            do { reference = try engine.referenceTime(iso8601: now) } catch {
                throw AnalyticsError("\(transcript.file ?? transcript.name): now: \(error)")
            }
        } else {
            reference = engine.referenceTime()
        }
        var state = DialogueState.start
        var turns: [LoggedTurn] = []
        turns.reserveCapacity(transcript.turns.count)
        for turn in transcript.turns {
            let (reply, next) = engine.respond(to: turn.user, in: state, at: reference)
            turns.append(LoggedTurn(user: turn.user, reply: reply))
            state = next
        }
        return ConversationLog(name: transcript.name, turns: turns)
    }

    /// The bot folder a transcript replays against: its own `bot:` (relative to its file), else ours.
    func folder(of transcript: Transcript) -> String {
        guard let bot = transcript.bot else { return botFolder }
        guard !bot.hasPrefix("/"), let file = transcript.file else { return bot }
        return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(bot).standardizedFileURL.path
    }
}
