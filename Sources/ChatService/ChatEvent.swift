import SessionStorage

/// What the server pushes to a customer's open connections (the chat page's WebSocket).
public enum ChatEvent: Sendable, Equatable {
    /// A new line in the conversation: the bot's reply, an agent's message, or the customer's
    /// own line sent from another tab.
    case message(ChatMessage)
    /// Someone is writing (the agent, or the bot working on a reply).
    case typing(ChatMessage.Author)
    /// The hand-off moved on: waiting for an agent, an agent (named) took it, given back to the
    /// bot, or closed.
    case handoff(HandoffCase.Status, agent: String?)
}

/// What the server pushes to the agents' connections (the agent console).
public enum AgentEvent: Sendable, Equatable {
    /// A case entered the queue or changed (claimed, released, closed).
    case caseChanged(HandoffCase)
    /// A line in a handed-off conversation: the customer's, or an agent's.
    case message(session: String, ChatMessage)
    /// The customer of a handed-off conversation is typing.
    case typing(session: String)
}
