/// One thing a customer may want, as the bot folder defines it.
///
/// ```yaml
/// - name: order_status
///   description: 查询订单物流状态
///   examples: [我的订单到哪了, 快递怎么还没到]
///   slots:
///     order_id: { entity: order_id, prompt: 请提供您的订单号（14位数字）。 }
///   lookup: { table: orders, key: order_id }
///   reply: 订单 {order_id} 当前状态：{order.status}，预计 {order.eta} 送达。
/// ```
public struct IntentDefinition: Hashable, Sendable {
    /// The intent's name, unique in the bot: `order_status`.
    public var name: String
    /// What the intent is for, for people reading the bot.
    public var description: String?
    /// Lines customers say that mean this intent (at least two).
    public var examples: [Example]
    /// The values the intent needs before it can reply, in the order they are asked for.
    public var slots: [SlotDefinition]
    /// The table row the reply reads from, found by a slot's value.
    public var lookup: TableLookup?
    /// The reply, once every slot is filled.
    public var reply: ReplyTemplate?
    /// A yes/no question asked before an irreversible action (`确认取消订单 {order_id} 吗？`).
    public var confirm: ReplyTemplate?
    /// What to say when the customer answers no to `confirm` (`好的，订单 {order_id} 不取消。`);
    /// nil: the bot's `declined` message.
    public var declined: ReplyTemplate?
    /// Replies chosen by the looked-up row's `lookup.by` column, in the order written: an unpaid
    /// order's return says so and offers cancellation instead of being submitted.
    public var cases: [ReplyCase]
    /// Where the intent is defined (its `- name:` entry).
    public var location: SourceLocation

    public init(name: String, description: String? = nil, examples: [Example], slots: [SlotDefinition] = [],
                lookup: TableLookup? = nil, reply: ReplyTemplate? = nil, confirm: ReplyTemplate? = nil,
                declined: ReplyTemplate? = nil, cases: [ReplyCase] = [], location: SourceLocation) {
        self.name = name
        self.description = description
        self.examples = examples
        self.slots = slots
        self.lookup = lookup
        self.reply = reply
        self.confirm = confirm
        self.declined = declined
        self.cases = cases
        self.location = location
    }

    /// The slot called `name`.
    public func slot(named name: String) -> SlotDefinition? {
        slots.first { $0.name == name }
    }

    /// The case the row's `lookup.by` column picks (values compared as table keys are:
    /// case, width and surrounding spaces aside); nil when the intent has none for it.
    public func replyCase(for record: [String: String]) -> ReplyCase? {
        guard let column = lookup?.by, let value = record[column] else { return nil }
        let key = DataTable.matchingKey(value)
        return cases.first { $0.values.contains { DataTable.matchingKey($0) == key } }
    }
}

/// A reply for the rows whose chosen column has one of `values`: for `lookup: { table: orders,
/// key: order_id, by: status }`,
///
/// ```yaml
/// cases:
///   待付款:
///     reply: 订单 {order_id} 还没有付款，不需要退货。需要帮您取消这个订单吗？
///     offer: cancel_order
///   已发货|运输中: { reply: 订单 {order_id} 已经发出，无法取消，可以拒收或签收后申请退货。 }
/// ```
/// A case without `confirm` answers as soon as the row is found (the form's other slots are not
/// asked); one with `confirm` goes on with the form and asks its own question. With `offer`,
/// the reply ends in a question: yes starts that intent with the values given so far.
public struct ReplyCase: Hashable, Sendable {
    /// The column values this case is for (`待付款`; `已发货|运输中` is two).
    public var values: [String]
    public var reply: ReplyTemplate
    public var confirm: ReplyTemplate?
    /// The intent a yes to the reply's question starts.
    public var offer: String?
    public var location: SourceLocation

    public init(values: [String], reply: ReplyTemplate, confirm: ReplyTemplate? = nil, offer: String? = nil,
                location: SourceLocation) {
        self.values = values
        self.reply = reply
        self.confirm = confirm
        self.offer = offer
        self.location = location
    }
}

/// One example line of an intent, with where it was written.
public struct Example: Hashable, Sendable {
    /// The line as written: `帮我查一下订单 20241105123456`.
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }

    /// The file it is in, relative to the bot folder.
    public var file: String { location.file }
    /// Its line in that file.
    public var line: Int? { location.line }
}

/// A value an intent needs: which entity fills it and what to ask when it is missing.
///
/// `order_id: { entity: order_id, prompt: 请提供您的订单号（14位数字）。 }`; the short form
/// `order_id: order_id` names the entity alone. `entity: text` takes the customer's own words
/// (an address, an invoice title) when the slot is asked, checked by `text`'s rule.
public struct SlotDefinition: Hashable, Sendable {
    /// The slot's name, used in templates as `{order_id}`.
    public var name: String
    /// A built-in entity (`phone`, `date`, …), one the bot declares, or `text` (free text).
    public var entity: String
    /// The question that asks for the value.
    public var prompt: String?
    /// The question that offers a value the customer gave earlier in the conversation
    /// (`是订单 {value} 吗？`); nil: the bot's `reuse` message.
    public var reuse: ReplyTemplate?
    /// What to say when the line names something the entity does not know (`抱歉，小蜜商城没有卖「{value}」。`);
    /// nil: such a line is asked the prompt like any other.
    public var unknown: ReplyTemplate?
    /// How a free-text value is checked and tidied (for `entity: text` only).
    public var text: FreeTextRule?
    /// What to say when the line has something like the value but not a valid one:
    /// `订单号是 14 位数字，您输入的 {value} 是 {length} 位，请核对后重新输入。` It may name the
    /// intent's slots and `{value}` (what was typed), `{length}` (its digits) and `{expected}`
    /// (the digits the entity needs); nil: the bot's `slot_invalid` message.
    public var invalid: ReplyTemplate?
    public var location: SourceLocation

    public init(name: String, entity: String, prompt: String? = nil, invalid: ReplyTemplate? = nil,
                reuse: ReplyTemplate? = nil, unknown: ReplyTemplate? = nil, text: FreeTextRule? = nil,
                location: SourceLocation) {
        self.name = name
        self.entity = entity
        self.prompt = prompt
        self.invalid = invalid
        self.reuse = reuse
        self.unknown = unknown
        self.text = text ?? (entity == Self.freeText ? FreeTextRule() : nil)
        self.location = location
    }

    /// The entity name of a free-text slot.
    public static let freeText = "text"

    /// Whether the slot takes the customer's own words.
    public var isFreeText: Bool { entity == Self.freeText }

    /// The placeholders an `invalid:` message may name besides the intent's slots.
    public static let invalidPlaceholders = ["value", "length", "expected"]
}

/// A row of a data table found by a slot's value: `lookup: { table: orders, key: order_id }`.
public struct TableLookup: Hashable, Sendable {
    /// The table's name (`orders` for `knowledge-base/tables/orders.csv`).
    public var table: String
    /// The slot whose value is looked up in the table's first column.
    public var key: String
    /// What to say when the table has no row for the value (`没有找到订单 {order_id}，请核对订单号。`);
    /// it may name the intent's slots and `{value}`. nil: the bot's `lookup_missing` message.
    public var missing: ReplyTemplate?
    /// The column whose value picks one of the intent's `cases` (`status`).
    public var by: String?
    public var location: SourceLocation

    public init(table: String, key: String, missing: ReplyTemplate? = nil, by: String? = nil, location: SourceLocation) {
        self.table = table
        self.key = key
        self.missing = missing
        self.by = by
        self.location = location
    }

    /// The names templates may use for the table's row: the table's name and, when it ends in
    /// `s`, the name without it (`orders` → `{order.status}` or `{orders.status}`).
    public var aliases: [String] { Self.aliases(ofTable: table) }

    /// The template aliases of a table called `table`.
    public static func aliases(ofTable table: String) -> [String] {
        table.count > 1 && table.hasSuffix("s") ? [String(table.dropLast()), table] : [table]
    }
}
