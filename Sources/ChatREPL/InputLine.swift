/// One line of input as a front end read it: text, or bytes that were not valid UTF-8.
///
/// 「我想退货」 arrives as `.text("我想退货")`; the bytes `E6 88 91 FF` arrive as `.invalidUTF8`.
public enum InputLine: Hashable, Sendable {
    /// A line of valid UTF-8, without its line break.
    case text(String)
    /// A line whose bytes are not valid UTF-8; it is reported and skipped.
    case invalidUTF8
}
