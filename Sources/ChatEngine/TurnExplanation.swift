import ChatCore
import Dialogue

/// Everything the engine can say about how it read one line, for `:why`: the tokens, intents
/// and entities (`utterance`), the features behind the best intents, the knowledge base's
/// ranked candidates, and the reply with the state it leads to.
///
/// 「退货运费谁出」 → tokens 退货 运费 谁 出; `return_request` 0.31 (「退货」 +0.42 …);
/// candidates `return-shipping-fee` (confidence 0.93, accepted), `return-policy`, …; the reply
/// is the entry's answer.
public struct TurnExplanation: Sendable {
    /// Tokens, intent ranking and entities.
    public var utterance: Utterance
    /// The best intents with the features that pushed each up the most.
    public var intentEvidence: [IntentEvidence]
    /// The knowledge base's best entries for the line, best first (only the first carries a
    /// confidence and may be accepted).
    public var knowledgeCandidates: [KnowledgeAnswer]
    /// The reply the line would get in the state it was asked in.
    public var reply: Reply
    /// The state the reply leads to (not applied: explaining changes nothing).
    public var stateAfter: DialogueState

    public init(utterance: Utterance, intentEvidence: [IntentEvidence], knowledgeCandidates: [KnowledgeAnswer],
                reply: Reply, stateAfter: DialogueState = .start) {
        self.utterance = utterance
        self.intentEvidence = intentEvidence
        self.knowledgeCandidates = knowledgeCandidates
        self.reply = reply
        self.stateAfter = stateAfter
    }
}

/// An intent's score and the features that drove it (「退货」 0.41, 「想 退货」 0.22).
public struct IntentEvidence: Sendable, Hashable {
    public var intent: IntentScore
    /// Features of the line with their contribution to the intent's linear score, largest first.
    public var features: [FeatureWeight]

    public init(intent: IntentScore, features: [FeatureWeight]) {
        self.intent = intent
        self.features = features
    }
}

/// One feature's contribution to an intent's linear score: a word (「退货」), a word pair
/// (「想 退货」) or a character n-gram.
public struct FeatureWeight: Sendable, Hashable {
    public var feature: String
    public var weight: Double

    public init(feature: String, weight: Double) {
        self.feature = feature
        self.weight = weight
    }
}
