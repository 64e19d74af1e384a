import ChatCore
import Foundation

/// A bot's regex entity, compiled: every match in the line (read half-width, and with the
/// separators inside digit groups left out, `PatternText`) that starts at a token's start and
/// ends at a token's end. A match that would cut a token in two is dropped: for the tokens
/// 订单 | 20241105123456, `\d{4}` matches nothing, and `\d{14}` matches the number. The value
/// is the matched text as read: 「２０２６１１２０ ０９３０１５」 gives `20261120093015`.
struct PatternMatcher: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to use from many threads.
    let name: String
    private let expression: NSRegularExpression

    init(_ declaration: PatternEntity) throws(EntityExtractorError) {
        name = declaration.name
        guard !declaration.pattern.isEmpty else {
            throw EntityExtractorError(entity: declaration.name, problem: "the pattern is empty; write a regular expression such as '(?<!\\d)\\d{14}(?!\\d)'")
        }
        do {
            expression = try NSRegularExpression(pattern: declaration.pattern)
        } catch {
            throw EntityExtractorError(
                entity: declaration.name,
                problem: "the pattern '\(declaration.pattern)' is not a valid regular expression (\(Self.reason(error))); fix it in the bot's intents/*.yml")
        }
    }

    /// The aligned matches in `line`: in its plain text, and those in its joined text that span a
    /// left-out separator.
    func matches(in line: LineText, text: PatternText, order: Int) -> [EntityCandidate] {
        var found = matches(in: line, text.plain, order: order)
        if let joined = text.joined {
            found += matches(in: line, joined, order: order).filter { candidate in
                guard case let .text(value) = candidate.entity.value else { return false }
                return candidate.entity.scalarRange.count > value.unicodeScalars.count
            }
        }
        return found
    }

    private func matches(in line: LineText, _ text: PatternText.Text, order: Int) -> [EntityCandidate] {
        let whole = NSRange(location: 0, length: text.string.utf16.count)
        let scalars = Array(text.string.unicodeScalars)
        return expression.matches(in: text.string, range: whole).compactMap { match in
            let range = match.range
            guard range.location != NSNotFound, range.length > 0 else { return nil }
            let first = text.scalarOffsets[range.location], last = text.scalarOffsets[range.location + range.length]
            guard first >= 0, last > first else { return nil }
            let start = text.lineOffsets[first], end = text.lineOffsets[last - 1] + 1
            guard line.isAligned(start..<end) else { return nil }
            let value = String(String.UnicodeScalarView(scalars[first..<last]))
            let entity = Entity(name: name, value: .text(value), text: line.text(start..<end), scalarRange: start..<end, source: .pattern)
            return EntityCandidate(entity: entity, order: order)
        }
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo["NSInvalidValue"] { return "ICU error \(nsError.code) at \(detail)" }
        return "ICU error \(nsError.code)"
    }
}
