/// Where the REPL's lines come from: readline on a terminal, plain lines from a pipe, or a
/// script in tests. The loop asks for one line at a time and never sees how it was read.
public protocol LineSource {
    /// The next line, shown after `prompt` where there is someone to see it; nil at the end of
    /// input (Ctrl-D, end of file).
    mutating func nextLine(prompt: String) -> InputLine?

    /// The words tab completion offers from now on (commands, and the bot's intent names).
    mutating func complete(with vocabulary: CompletionVocabulary)
}

extension LineSource {
    /// Sources without completion ignore the vocabulary.
    public mutating func complete(with vocabulary: CompletionVocabulary) {}
}
