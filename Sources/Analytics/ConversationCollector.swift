import Transcripts

/// Reads the conversations (and, for `kefu mine`, plain lines) that analytics' inputs hold:
/// stores read as they are, transcripts replayed through the bot (see ``TranscriptReplayer``).
public struct ConversationCollector {
    public var conversations: [ConversationLog] = []
    /// Lines from plain text files, each counted as a line that fell back.
    public var plainLines: [String] = []
    /// The hand-off cases of the stores read.
    public var handoffs: [HandoffRecord] = []
    public var replayer: TranscriptReplayer

    public init(replayer: TranscriptReplayer) { self.replayer = replayer }

    /// Reads every input in order.
    /// - Throws: `AnalyticsError` for an input that cannot be read, or a plain text file when
    ///   `acceptsPlainText` is false (stats has no outcomes for bare lines).
    public mutating func read(_ inputs: [AnalyticsInput], acceptsPlainText: Bool) throws(AnalyticsError) {
        for input in inputs {
            switch input {
            case .store(let path):
                conversations += try SessionStoreReader.conversations(inStore: path)
                handoffs += try SessionStoreReader.handoffs(inStore: path)
            case .transcript(let file):
                let transcript: Transcript
                do { transcript = try Transcript.load(file: file) } catch { throw AnalyticsError(error.description) }
                conversations.append(try replayer.replay(transcript))
            case .plainText(let path):
                guard acceptsPlainText else {
                    throw AnalyticsError("'\(path)' is neither a transcript (*.yml) nor a session store; kefu stats reads those (kefu mine also reads text files)")
                }
                plainLines += try AnalyticsInput.lines(ofTextFile: path)
            }
        }
    }

    /// The lines that fell back in the conversations, then the plain lines.
    public var fallbackLines: [String] {
        conversations.flatMap { $0.turns.filter(\.fellBack).map(\.user) } + plainLines
    }
}
