import ChatCore
import Foundation

/// A bot's regex entity, compiled: every match in the original line that starts at a token's start
/// and ends at a token's end. A match that would cut a token in two is dropped: for the tokens
/// 订单 | 20241105123456, `\d{4}` matches nothing, and `\d{14}` matches the number.
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

    /// The aligned matches in `line`.
    func matches(in line: LineText, string: String, scalarOffsets: [Int], order: Int) -> [EntityCandidate] {
        let whole = NSRange(location: 0, length: string.utf16.count)
        return expression.matches(in: string, range: whole).compactMap { match in
            let range = match.range
            guard range.location != NSNotFound, range.length > 0 else { return nil }
            let start = scalarOffsets[range.location], end = scalarOffsets[range.location + range.length]
            guard start >= 0, end >= 0, line.isAligned(start..<end) else { return nil }
            let entity = Entity(name: name, value: .text(line.text(start..<end)), text: line.text(start..<end),
                                scalarRange: start..<end, source: .pattern)
            return EntityCandidate(entity: entity, order: order)
        }
    }

    /// For each UTF-16 offset of `string`, the scalar offset there (−1 inside a surrogate pair).
    static func scalarOffsets(of string: String) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(string.utf16.count + 1)
        for (index, scalar) in string.unicodeScalars.enumerated() {
            offsets.append(index)
            if scalar.utf16.count == 2 { offsets.append(-1) }
        }
        offsets.append(string.unicodeScalars.count)
        return offsets
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo["NSInvalidValue"] { return "ICU error \(nsError.code) at \(detail)" }
        return "ICU error \(nsError.code)"
    }
}
