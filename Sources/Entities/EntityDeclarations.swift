/// The entities a bot declares in `intents/*.yml`, besides the built-ins.
///
/// ```yaml
/// entities:
///   order_id: { pattern: '(?<!\d)\d{14}(?!\d)' }
///   city: { values: { 北京: [北京市, 帝都, beijing] } }
/// ```

/// A regex entity: every match of `pattern` in a line is an entity whose value is the matched text.
public struct PatternEntity: Hashable, Sendable {
    public var name: String
    /// An ICU regular expression (lookbehind allowed), matched against the original line.
    public var pattern: String

    public init(name: String, pattern: String) {
        self.name = name
        self.pattern = pattern
    }
}

/// A lookup-list entity: each canonical value with the synonyms that mean it.
public struct LookupEntity: Hashable, Sendable {
    public var name: String
    /// Canonical value → synonyms; the canonical value itself also matches.
    public var values: [String: [String]]

    public init(name: String, values: [String: [String]]) {
        self.name = name
        self.values = values
    }
}
