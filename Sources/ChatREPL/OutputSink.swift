/// Where the REPL's text goes: standard output for what the user asked for (replies, command
/// output), standard error for problems and warnings. Tests record both.
public protocol OutputSink {
    /// Writes `text` (with its own line breaks) to the main output.
    mutating func write(_ text: String)
    /// Writes `text` (with its own line breaks) to the diagnostic output.
    mutating func warn(_ text: String)
}
