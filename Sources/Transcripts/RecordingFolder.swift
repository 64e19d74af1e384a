import ChatCore
import Entities
import Foundation
import Privacy

/// Keeps every live conversation as a transcript file in a folder (`kefu serve --stdio --record
/// DIR`): session `c42` is written to `c42.yml`, rewritten (temporary file, then rename) each
/// time its turns are saved, so a killed server loses no answered turn. After a `reset` the
/// session's next conversation goes to `c42-2.yml`, then `c42-3.yml`; a name already on disk is
/// never overwritten by a new conversation. A session id that is not a safe file name is
/// written with `_` for the unsafe characters and a hash of the id (`a/b` → `a_b-5c3a0e1f.yml`);
/// personal data in an id is masked in the file name too.
public struct RecordingFolder {
    /// The folder the transcripts are written to.
    public let folder: String
    /// Applied to everything written.
    public let mask: PrivacyMask
    /// Conversations being recorded, by session.
    private var open: [String: Conversation] = [:]
    /// File names given out in this process.
    private var taken: Set<String> = []
    /// Sessions with turns not yet written, in the order they changed.
    private var changed: [String] = []
    /// Conversations ended by a reset before their last turns were written.
    private var closed: [Conversation] = []

    /// One conversation of a session and the file it goes to.
    private struct Conversation {
        var number: Int
        var file: String
        var name: String
        var recorder: TranscriptRecorder
    }

    /// Records into `folder`, creating it when it does not exist.
    ///
    /// - Throws: ``TranscriptError`` when the folder cannot be created or is a file.
    public init(folder: String, mask: PrivacyMask) throws(TranscriptError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw TranscriptError(file: folder, "is a file; --record takes a folder to write transcripts into") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw TranscriptError(file: folder, "cannot create the folder: \((error as NSError).localizedDescription)")
            }
        }
        self.folder = folder
        self.mask = mask
    }

    /// Adds an answered turn: `turn` is the conversation's turn count after it (1 for its first
    /// line), `conversation` how many times the session was reset before it.
    /// `human`: an agent had the conversation (the bot did not answer the line).
    public mutating func record(session: String, conversation: Int, turn: Int, user: String, reply: Reply, at time: ReferenceTime,
                                human: Bool = false) {
        if open[session]?.number != conversation || (turn == 1 && open[session]?.recorder.turns.isEmpty == false) {
            if let previous = open[session], changed.contains(session) { closed.append(previous) }   // reset within a batch
            open[session] = start(session: session, conversation: conversation, turn: turn)
        }
        open[session]?.recorder.record(user, reply, at: time, human: human)
        if !changed.contains(session) { changed.append(session) }
    }

    /// Adds an agent's message after turn `turn` (the conversation's turn count when it was sent).
    public mutating func recordAgent(session: String, conversation: Int, turn: Int, _ message: AgentLine) {
        guard resume(session: session, conversation: conversation, turn: turn) else { return }
        open[session]?.recorder.recordAgent(message)
        if !changed.contains(session) { changed.append(session) }
    }

    /// Notes that the agent gave the conversation back to the bot after turn `turn`.
    public mutating func recordRelease(session: String, conversation: Int, turn: Int) {
        guard resume(session: session, conversation: conversation, turn: turn) else { return }
        open[session]?.recorder.recordRelease()
        if !changed.contains(session) { changed.append(session) }
    }

    /// Makes the session's conversation with `turn` turns so far the open one (from its file
    /// after a restart); false when there is none to add to.
    private mutating func resume(session: String, conversation: Int, turn: Int) -> Bool {
        guard turn > 0 else { return false }
        if open[session]?.number == conversation, open[session]?.recorder.turns.count == turn { return true }
        let continued = start(session: session, conversation: conversation, turn: turn + 1)
        guard continued.recorder.turns.count == turn else { return false }
        open[session] = continued
        return true
    }

    /// Writes every transcript with new turns; returns what could not be written.
    public mutating func save() -> [TranscriptIssue] {
        var problems: [TranscriptIssue] = []
        for conversation in closed + changed.compactMap({ open[$0] }) {
            let yaml = conversation.recorder.transcript(name: conversation.name).yaml(mask: mask)
            do {
                try Data(yaml.utf8).write(to: URL(fileURLWithPath: conversation.file), options: .atomic)
            } catch {
                problems.append(TranscriptIssue(file: conversation.file, message: "cannot write the transcript: \((error as NSError).localizedDescription)"))
            }
        }
        changed.removeAll()
        closed.removeAll()
        return problems
    }

    /// The conversation a turn belongs to when it is not the one open: a new file for a
    /// conversation's first turn; for a later turn (a session continued from `--store` after a
    /// restart) the session's last file, when it holds exactly the turns before this one.
    private mutating func start(session: String, conversation: Int, turn: Int) -> Conversation {
        let stem = Self.fileStem(mask.mask(session))
        if turn > 1 {
            var index = 1
            while FileManager.default.fileExists(atPath: path(stem, index + 1)) { index += 1 }
            let file = path(stem, index)
            if !taken.contains(file), let transcript = try? Transcript.load(file: file), transcript.turns.count == turn - 1 {
                taken.insert(file)
                return Conversation(number: conversation, file: file, name: transcript.name, recorder: TranscriptRecorder(continuing: transcript))
            }
        }
        var index = 1
        while taken.contains(path(stem, index)) || FileManager.default.fileExists(atPath: path(stem, index)) { index += 1 }
        let file = path(stem, index)
        taken.insert(file)
        return Conversation(number: conversation, file: file, name: index == 1 ? session : "\(session)-\(index)", recorder: TranscriptRecorder())
    }

    /// `folder/stem.yml` for the first file of a session, `folder/stem-N.yml` for the N-th.
    private func path(_ stem: String, _ index: Int) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent(index == 1 ? "\(stem).yml" : "\(stem)-\(index).yml").path
    }

    /// The session id as a file name: letters (any script), digits, `-`, `_` and `.` kept; when
    /// anything else had to be replaced (or the id is empty, long, or starts with a dot) a hash
    /// of the id keeps different ids apart: `客户 42/a` → `客户_42_a-1b2c3d4e`.
    static func fileStem(_ session: String) -> String {
        var stem = String.UnicodeScalarView()
        for scalar in session.unicodeScalars.prefix(80) {
            let safe = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
            stem.append(safe ? scalar : "_")
        }
        let text = String(stem)
        if text == session, !text.isEmpty, !text.hasPrefix(".") { return text }
        var hash: UInt32 = 2_166_136_261   // FNV-1a over the id's UTF-8
        for byte in session.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(hash, radix: 16)
        return (text.hasPrefix(".") ? "_" + text.dropFirst() : text) + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
