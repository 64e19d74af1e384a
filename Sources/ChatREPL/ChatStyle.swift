/// How a session talks to its user.
public enum ChatStyle: Hashable, Sendable {
    /// Someone at a terminal: a banner, a prompt, 「客服：」 before each reply, problems said inline.
    case terminal
    /// A program at the other end of a pipe: each reply bare on its own line, nothing else on
    /// standard output unless asked for (agent commands); problems on standard error with the
    /// input's line number.
    case plain
}
