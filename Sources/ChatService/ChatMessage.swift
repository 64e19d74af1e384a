/// One line of a conversation as the customer and the agent see it: who said it, what, when.
public struct ChatMessage: Sendable, Equatable {
    public enum Author: String, Sendable {
        case customer, bot, agent
    }

    public var author: Author
    public var text: String
    /// Seconds since 1970 (UTC).
    public var time: Double
    /// The agent's name, for an agent's message.
    public var agent: String?
    /// The buttons offered with a bot message.
    public var buttons: [QuickReply]

    public init(author: Author, text: String, time: Double, agent: String? = nil, buttons: [QuickReply] = []) {
        self.author = author
        self.text = text
        self.time = time
        self.agent = agent
        self.buttons = buttons
    }
}
