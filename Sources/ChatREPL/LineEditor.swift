import CReadline
import Foundation
import Privacy

/// GNU readline as a `LineSource`, for a REPL on a terminal: line editing that understands
/// UTF-8 (Chinese is moved over and deleted a character at a time), history kept in a file,
/// tab completion of agent commands and intent names, Ctrl-C to drop the line, Ctrl-D to end.
/// The only type that touches readline: nothing outside this file sees a C pointer.
///
/// Readline is one per process, so there should be one `LineEditor` at a time. Use it only
/// when standard input is a terminal: on a pipe readline echoes what it reads.
public struct LineEditor: LineSource {
    /// The history file; nil keeps history in memory only.
    public let historyFile: String?
    /// The most lines the history file keeps.
    public let historyLimit: Int
    /// Whether the character type is UTF-8, so readline edits multibyte text correctly.
    public let isUTF8: Bool
    /// Masks personal data in the lines kept in the history (and its file): 「13812345678」 is
    /// recalled as 「138****5678」, which the engine still reads as a phone number.
    public let mask: PrivacyMask
    private let warn: (String) -> Void
    private var canAppendHistory: Bool
    private var lastHistoryLine: String?

    /// Sets readline up: UTF-8 locale, program name `kefu` (for `$if kefu` in ~/.inputrc),
    /// completion, Ctrl-C handling, and the history from `historyFile`. A history file that
    /// cannot be read or written is reported through `warn` and otherwise ignored.
    public init(historyFile: String?, historyLimit: Int = 1_000, mask: PrivacyMask = PrivacyMask(),
                warn: @escaping (String) -> Void) {
        self.historyFile = historyFile
        self.mask = mask
        self.historyLimit = max(1, historyLimit)
        self.warn = warn
        isUTF8 = kefu_use_utf8_locale() == 1
        if !isUTF8 { warn("kefu chat: no UTF-8 locale is available; editing Chinese text may misbehave\n") }
        kefu_set_readline_name("kefu")
        kefu_set_completion_hook(lineEditorCompletionHook)
        kefu_catch_interrupt()
        using_history()
        stifle_history(Int32(clamping: self.historyLimit))
        canAppendHistory = false
        if let historyFile { canAppendHistory = openHistory(historyFile) }
    }

    /// Loads the history file (creating it when missing) and trims it to the limit; false when
    /// the file cannot be written.
    private func openHistory(_ path: String) -> Bool {
        let status = read_history(path)
        if status == ENOENT {
            let created = write_history(path)
            guard created == 0 else {
                warn("kefu chat: cannot create the history file \(path): \(Self.message(created)); history is kept for this session only\n")
                return false
            }
            return true
        }
        guard status == 0 else {
            warn("kefu chat: cannot read the history file \(path): \(Self.message(status)); history is kept for this session only\n")
            return false
        }
        let trimmed = history_truncate_file(path, Int32(clamping: historyLimit))
        if trimmed != 0 {
            warn("kefu chat: cannot trim the history file \(path): \(Self.message(trimmed)); history is kept for this session only\n")
            return false
        }
        return true
    }

    public mutating func nextLine(prompt: String) -> InputLine? {
        guard let pointer = readline(prompt) else {
            StandardStreams().writeLineBreak()   // Ctrl-D leaves the cursor after the prompt
            return nil
        }
        defer { free(pointer) }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
        guard let text = String(validating: bytes, as: UTF8.self) else { return .invalidUTF8 }
        remember(text)
        return .text(text)
    }

    /// Adds a non-blank line to the history without the spaces around it (tab completion leaves
    /// one), masked, unless it repeats the previous one, and appends it to the history file.
    private mutating func remember(_ line: String) {
        let text = mask.mask(line.trimmingWhitespace())
        guard !text.isEmpty, text != lastHistoryLine else { return }
        lastHistoryLine = text
        add_history(text)
        guard canAppendHistory, let historyFile else { return }
        let status = append_history(1, historyFile)
        if status != 0 {
            canAppendHistory = false
            warn("kefu chat: cannot write the history file \(historyFile): \(Self.message(status)); history is no longer saved\n")
        }
    }

    public mutating func complete(with vocabulary: CompletionVocabulary) {
        LineEditor.completions.set(vocabulary)
    }

    private static func message(_ status: Int32) -> String { String(cString: strerror(status)) }

    /// The vocabulary readline's completion hook reads. Readline's hook takes no context, so
    /// this is the one piece of process-wide state in the REPL, like readline itself; locked.
    static let completions = CompletionTable()
}

/// The current completion vocabulary, shared with readline's C hook.
final class CompletionTable: @unchecked Sendable {
    private let lock = NSLock()
    private var vocabulary = CompletionVocabulary()

    func set(_ vocabulary: CompletionVocabulary) {
        lock.lock()
        defer { lock.unlock() }
        self.vocabulary = vocabulary
    }

    func matches(for word: String, after before: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return vocabulary.matches(for: word, after: before)
    }
}

/// Readline's attempted-completion hook: the matches for the word at byte `start` of the line,
/// as readline wants them (a malloc'ed, NULL-terminated array whose first entry replaces the
/// word: the single match, or the matches' common prefix); nil when nothing matches. Never
/// falls back to file names.
private func lineEditorCompletionHook(
    _ word: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    kefu_completion_over()
    guard let word, let line = kefu_line_buffer() else { return nil }
    let before = String(decoding: UnsafeRawBufferPointer(start: line, count: Int(max(0, start))), as: UTF8.self)
    let matches = LineEditor.completions.matches(for: String(cString: word), after: before)
    guard let first = matches.first else { return nil }
    let entries = matches.count == 1 ? [first] : [commonPrefix(of: matches)] + matches
    guard let array = malloc((entries.count + 1) * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
        .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1) else { return nil }
    for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
    array[entries.count] = nil
    return array
}

/// The longest common prefix of `words`, in whole characters.
private func commonPrefix(of words: [String]) -> String {
    guard var prefix = words.first.map(Array.init) else { return "" }
    for word in words.dropFirst() {
        let characters = Array(word)
        var count = 0
        while count < prefix.count, count < characters.count, prefix[count] == characters[count] { count += 1 }
        prefix.removeSubrange(count...)
    }
    return String(prefix)
}
