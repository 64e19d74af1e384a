import Entities
import Segmentation

/// A bot, as its folder defines it: intents with their examples, slots and replies; the
/// entities it declares; the knowledge base; data tables; and the user dictionary.
///
/// ```
/// mybot/
///   bot.yml                         optional: name, system messages, hand-off settings
///   intents/orders.yml              intents and entities
///   knowledge-base/shipping.yml     question–answer entries
///   knowledge-base/tables/orders.csv
///   knowledge-base/dictionary.txt   `word [freq] [tag]` a line, e.g. 退货运费险 5000 n
/// ```
/// Every value is checked: load one with `Bot.load(from:)`, or with `BotLoader.check(folder:)`
/// to get every problem in the folder at once.
public struct Bot: Sendable, Equatable {
    /// The intents, in file order (files sorted by name).
    public var intents: [IntentDefinition]
    /// The bot's regex entities (`order_id: { pattern: '(?<!\d)\d{14}(?!\d)' }`).
    public var patternEntities: [PatternEntity]
    /// The bot's lookup-list entities (`city: { values: { 北京: [北京市, 帝都] } }`).
    public var lookupEntities: [LookupEntity]
    /// The bot's table entities (`product: { table: products, column: name }`).
    public var tableEntities: [TableEntity]
    /// The knowledge-base entries, in file order.
    public var knowledgeBase: [KnowledgeEntry]
    /// Data tables by name (`orders` for `knowledge-base/tables/orders.csv`).
    public var tables: [String: DataTable]
    /// The user dictionary from `knowledge-base/dictionary.txt` (empty when there is none).
    public var dictionary: WordList
    /// The bot's name, system messages and dialogue settings from `bot.yml` (defaults when there is none).
    public var settings: BotSettings

    public init(intents: [IntentDefinition] = [], patternEntities: [PatternEntity] = [],
                lookupEntities: [LookupEntity] = [], tableEntities: [TableEntity] = [], knowledgeBase: [KnowledgeEntry] = [],
                tables: [String: DataTable] = [:], dictionary: WordList = WordList(), settings: BotSettings = BotSettings()) {
        self.intents = intents
        self.patternEntities = patternEntities
        self.lookupEntities = lookupEntities
        self.tableEntities = tableEntities
        self.knowledgeBase = knowledgeBase
        self.tables = tables
        self.dictionary = dictionary
        self.settings = settings
    }

    /// The intent called `name`.
    public func intent(named name: String) -> IntentDefinition? {
        intents.first { $0.name == name }
    }

    /// The knowledge-base entry with this id.
    public func entry(id: String) -> KnowledgeEntry? {
        knowledgeBase.first { $0.id == id }
    }

    /// Whether `name` is an entity a slot may name: a built-in, `text`, or one the bot declares.
    public func knowsEntity(_ name: String) -> Bool {
        BuiltInEntity.isBuiltIn(name) || name == SlotDefinition.freeText || declaresEntity(name)
    }

    /// Whether the bot declares an entity called `name` (a regex, a list or a table).
    public func declaresEntity(_ name: String) -> Bool {
        patternEntities.contains { $0.name == name } || lookupEntities.contains { $0.name == name }
            || tableEntities.contains { $0.name == name }
    }

    /// Loads and checks the bot folder at `path`.
    /// - Throws: `BotLoadError.unreadableFolder` when there is no such folder,
    ///   `BotLoadError.invalid` with every issue when the folder has errors (warnings alone pass).
    public static func load(from path: String) throws(BotLoadError) -> Bot {
        let report = try BotLoader.check(folder: path)
        if report.hasErrors { throw .invalid(report.issues) }
        return report.bot
    }
}

/// Why a bot folder could not be loaded.
public enum BotLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder does not exist, is not a folder, or cannot be read.
    case unreadableFolder(path: String, problem: String)
    /// The folder has errors (and perhaps warnings), sorted by file and line.
    case invalid([BotIssue])

    public var description: String {
        switch self {
        case let .unreadableFolder(path, problem):
            return "bot folder '\(path)': \(problem)"
        case let .invalid(issues):
            let errors = issues.filter { $0.severity == .error }
            return errors.map(\.description).joined(separator: "\n")
        }
    }
}
