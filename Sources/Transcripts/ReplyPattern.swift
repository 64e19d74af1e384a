import Foundation

/// The regular expressions of `reply_matches` (ICU syntax, as NSRegularExpression reads them):
/// a reply passes when the pattern matches somewhere in it; anchor with `^…$` for the whole reply.
///
/// `订单 \d{14} 当前状态` matches 「订单 20241105123456 当前状态：已发货，预计 11月8日 送达。」.
enum ReplyPattern {
    /// Why `pattern` does not compile, or nil when it does.
    static func problem(in pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "it does not compile"
        }
    }

    /// Whether `pattern` matches somewhere in `text`; nil when the pattern does not compile.
    static func matches(_ pattern: String, in text: String) -> Bool? {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
