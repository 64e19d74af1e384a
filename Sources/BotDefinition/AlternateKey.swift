/// How a form finds a table's row when the customer does not have its key (「订单号找不到了」):
/// by another column, matched to a value of an entity — orders by the phone they were placed with.
///
/// ```yaml
/// # bot.yml
/// tables:
///   orders:
///     find_by: { column: phone, entity: phone, label: items }
///     prompt: 没关系，请告诉我下单时用的手机号，我帮您找订单。
///     several: 手机号 {value} 下有 {count} 个订单：{rows}。请告诉我是哪一个。
///     none: 没有找到手机号 {value} 下的订单，请核对手机号。
/// ```
/// Every form that looks the table up takes it: asked for the key, the customer may give the
/// other value instead, or say they lack the key and be asked for it.
public struct AlternateKey: Hashable, Sendable {
    /// The table whose rows are found (`orders`).
    public var table: String
    /// The column searched (`phone`); also the name of the question while it is asked.
    public var column: String
    /// The entity whose value is searched for (`phone`).
    public var entity: String
    /// The column that names a row when several match (`items`); nil: the key alone.
    public var label: String?
    /// Asked when the customer says they lack the key.
    public var prompt: ReplyTemplate
    /// Said when several rows match; may name `{value}`, `{count}` and `{rows}`. nil: the bot's
    /// built-in wording.
    public var several: ReplyTemplate?
    /// Said when no row matches; may name `{value}`. nil: the bot's built-in wording.
    public var none: ReplyTemplate?
    public var location: SourceLocation

    public init(table: String, column: String, entity: String, label: String? = nil, prompt: ReplyTemplate,
                several: ReplyTemplate? = nil, none: ReplyTemplate? = nil, location: SourceLocation) {
        self.table = table
        self.column = column
        self.entity = entity
        self.label = label
        self.prompt = prompt
        self.several = several
        self.none = none
        self.location = location
    }

    /// The placeholders `several` may use.
    public static let severalPlaceholders = ["value", "count", "rows", "name"]
}
