/// The thresholds of the dialogue policies, tuned on the demo bot (not on tests).
///
/// The intent-or-answer rule: a form intent (one with slots) yields to an accepted
/// knowledge-base answer only when the line is a question, names no value for the form, and the
/// answer's confidence is at least `answerOverForm` — so 「退货运费谁出」 gets the fee entry and
/// 「我想退货」 starts the return form. An intent with a plain reply yields to an accepted answer
/// whose confidence beats the intent's, or, for a question, reaches `answerOverReply`.
public struct DialogueTuning: Sendable, Hashable {
    /// The answer confidence that beats a form intent on a question line.
    public var answerOverForm: Double
    /// The answer confidence that beats an intent with a plain reply (or small talk) on a question line.
    public var answerOverReply: Double
    /// The share of a line's content an invalid value must cover to be read as a failed answer
    /// to the pending slot when the line's intent is another form's.
    public var valueShare: Double
    /// How deep in the line's own ranking a follow-up's entry may be (see `followUpAnswer`).
    public var followUpDepth: Int

    public init(answerOverForm: Double = 0.65, answerOverReply: Double = 0.7, valueShare: Double = 0.5, followUpDepth: Int = 5) {
        self.answerOverForm = answerOverForm
        self.answerOverReply = answerOverReply
        self.valueShare = valueShare
        self.followUpDepth = followUpDepth
    }
}
