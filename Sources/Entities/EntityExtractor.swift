import ChatCore

/// Finds the entities of a line: the built-ins of DESIGN §6 and a bot's own regex and lookup-list
/// entities, each lined up with the segmenter's tokens, without overlaps.
///
/// ```swift
/// let extractor = try EntityExtractor(patterns: [PatternEntity(name: "order_id", pattern: #"(?<!\d)\d{14}(?!\d)"#)])
/// let line = "明天下午三点前退350元，订单20241105123456"
/// extractor.extract(from: line, tokens: segmenter.tokenize(line), at: now)
/// // time 明天下午三点 = "2026-11-24T15:00", money 350元 = 350 CNY, order_id 20241105123456
/// ```
///
/// Overlaps: the longest entity wins; at equal length a bot's own entity (pattern or lookup) beats a
/// built-in; then the earlier start. Every entity starts at a token's start and ends at a token's
/// end; a regex match that would cut a token in two is dropped.
public struct EntityExtractor: Sendable {
    private let patterns: [PatternMatcher]
    private let lookups: LookupMatcher

    /// Compiles a bot's entity declarations; throws when a regex is invalid or a lookup list is empty.
    public init(patterns: [PatternEntity] = [], lookups: [LookupEntity] = []) throws(EntityExtractorError) {
        var compiled: [PatternMatcher] = []
        for pattern in patterns { compiled.append(try PatternMatcher(pattern)) }
        self.patterns = compiled
        self.lookups = try LookupMatcher(lookups, firstOrder: patterns.count)
    }

    /// The entities of `line`, in line order.
    ///
    /// - Parameters:
    ///   - tokens: the segmenter's tokens of exactly this line (their scalar ranges are used).
    ///   - reference: the "now" for relative dates and times.
    /// - Complexity: O(tokens) for the built-ins and lookups, plus the regexes' own cost.
    public func extract(from line: String, tokens: [Token], at reference: ReferenceTime) -> [Entity] {
        let text = LineText(line, tokens: tokens)
        var scanner = BuiltInScanner(line: text, reference: reference)
        var candidates = scanner.scan()
        if !patterns.isEmpty {
            let patternText = PatternText(text)
            for (order, pattern) in patterns.enumerated() {
                candidates += pattern.matches(in: text, text: patternText, order: order)
            }
        }
        candidates += lookups.matches(in: text)
        return EntityCandidate.resolve(candidates, lineLength: text.count)
    }
}
