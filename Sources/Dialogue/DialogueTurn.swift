import BotDefinition
import ChatCore

/// One turn of the dialogue policies: the line, the state before it, the state being built and
/// the reasons gathered on the way into the reply's `reason`.
struct DialogueTurn {
    let manager: DialogueManager
    /// The line as understood; a dismissed complaint is read again as its next intent.
    var utterance: Utterance
    let previous: DialogueState
    let knowledge: any KnowledgeSearch
    let cues: LineCues
    /// The entry the line is word for word a question of (a lookup, every turn).
    let exactAnswer: KnowledgeAnswer?
    /// The knowledge base's best entry for the line: searched (BM25 and re-ranking) at most once
    /// a turn, and only when a policy asks — a line that fills a slot or answers a confirmation
    /// never pays for it.
    lazy var bestAnswer: KnowledgeAnswer? = lineAnswers.first
    /// The line's best `followUpDepth` entries (at least one), from the same single search: the
    /// first is `bestAnswer`, the list is what a follow-up's answer is checked against.
    lazy var lineAnswers: [KnowledgeAnswer] = knowledge.answers(for: utterance.text, limit: max(1, manager.tuning.followUpDepth))
    var state: DialogueState
    var reasons: [String] = []
    /// An impatient line that carries a request: its reply starts with the bot's apology.
    var apologisesFirst = false

    init(manager: DialogueManager, utterance: Utterance, state: DialogueState, knowledge: any KnowledgeSearch) {
        self.manager = manager
        self.utterance = utterance
        self.previous = state
        self.knowledge = knowledge
        self.cues = LineCues(utterance.text)
        self.exactAnswer = knowledge.exactMatch(for: utterance.text)
        self.state = state
        self.state.turns += 1
    }

    var bot: Bot { manager.bot }
    var settings: BotSettings { bot.settings }

    /// The line's intent; nil for none and for `out_of_scope`.
    var intent: IntentScore? {
        guard let intent = utterance.prediction.intent, intent.name != SpecialIntent.outOfScope.rawValue else { return nil }
        return intent
    }

    /// The line's special intent (human_agent, reset, greeting …); in a free-text answer only when
    /// the line has a word of that intent's examples: 「个人」 given as an invoice title is read as
    /// human_agent by its characters, but is the title.
    var special: SpecialIntent? {
        guard let intent, let special = SpecialIntent(rawValue: intent.name) else { return nil }
        guard case let .slot(name)? = previous.pending, activeForm?.slot(named: name)?.isFreeText == true else { return special }
        return manager.vocabulary.intent(intent.name, hasAWordOf: utterance.tokens) ? special : nil
    }
    /// A yes: the words say so, or (when the words say neither) the `affirm` intent.
    var isYes: Bool { cues.answer == .yes || (cues.answer == nil && special == .affirm) }
    /// A no: the words say so, or (when the words say neither) the `deny` intent.
    var isNo: Bool { cues.answer == .no || (cues.answer == nil && special == .deny) }

    /// The form being filled, if its intent still exists.
    var activeForm: IntentDefinition? { state.activeIntent.flatMap { bot.intent(named: $0) } }

    // MARK: The turn

    mutating func run() -> (Reply, DialogueState) {
        var (reply, state) = policies()
        if apologisesFirst, reply.policy != .frustration, reply.policy != .handoff {
            reply.text = say(\.apology) + reply.text
        }
        return (reply, state)
    }

    mutating func policies() -> (Reply, DialogueState) {
        let key = cues.key
        let slotWasAsked = if case .slot = previous.pending { true } else { false }
        let repeated = key != nil && key == previous.lastLine && cues.content.count >= 4 && !slotWasAsked
        state.lastLine = key
        reasons.append(intentReason)
        if state.activeIntent != nil, activeForm == nil { state.closeForm() }
        if previous.handoff {
            if special == .reset { return reset() }
            return finish(say(\.handedOff), .handoff, .handoff(previous.handoffReason ?? HandoffReason(.asked)),
                          reason: "already handed off")
        }
        if let answer = exactAnswer, !repeated, !asksTheTopicsRow {
            if previous.pending == .humanOffer { state.pending = formQuestion }
            if case .offer = previous.pending { state.pending = nil }
            let resume = activeForm == nil ? nil : state.pending ?? formQuestion
            return give(answer, .knowledgeAnswer, resume: resume, reason: "the line is one of \(answer.choice.id)'s questions")
        }
        switch special {
        case .humanAgent?:
            // 「人工客服几点上班」 asks about the human service; the knowledge base answers it.
            if let answer = answeredQuestion, answer.choice.confidence > (intent?.confidence ?? 1) {
                return give(answer, .knowledgeAnswer, resume: activeForm == nil ? nil : formQuestion,
                            reason: "a question about it: answer beats human_agent")
            }
            return handOff(\.handoff, HandoffReason(.asked, cue: "intent human_agent"), reason: "asked for a human")
        case .reset?:
            // 「双十一几号开始」 is no wish to start over.
            if answeredQuestion == nil { return reset() }
            reasons.append("a question with an answer: not a reset")
        default: break
        }
        if previous.pending == .humanOffer {
            state.pending = formQuestion
            if isYes { return handOff(\.handoff, HandoffReason(.asked, cue: "accepted the offer"), reason: "accepted the offer of a human") }
            if isNo { return offerDeclined() }
        }
        if let signal = upset(repeated: repeated) {
            guard signal.kind == .impatience, previous.frustration == 0, carriesRequest else { return frustrated(signal) }
            // 「到底什么时候发货！！！」: sorry, and the delivery question is still answered.
            state.frustration += 1
            apologisesFirst = true
            reasons.append("impatience (\(signal.cue)) with a request → apology first")
        }
        if case let .offer(offered)? = previous.pending, activeForm == nil {
            state.pending = nil
            if let form = bot.intent(named: offered) {
                if isYes { return start(form, reason: "yes to the offer of \(offered)", carry: .always) }
                if isNo { return finish(say(\.declined), .confirmationDeclined, .intent(offered), reason: "no to the offer of \(offered)") }
            }
        }
        if let form = activeForm {
            switch state.pending {
            case .confirmation?: return confirming(form)
            case let .reuse(name)?: return reusing(name, in: form)
            default: return filling(form)
            }
        }
        return open(resume: nil)
    }

    /// Whether the line asks, about the value just talked of, what a form that only looks things
    /// up answers from its row (「保修多久」 after the earphones' price: their warranty, not the
    /// general warranty entry the line is word for word a question of).
    var asksTheTopicsRow: Bool {
        guard activeForm == nil, cues.isQuestion, takesTopicValue, let intent, let form = bot.intent(named: intent.name) else { return false }
        return form.lookup != nil && form.confirm == nil && form.cases.allSatisfy { $0.confirm == nil }
    }

    /// The accepted answer when the line is a question the knowledge base answers: such a line
    /// is not a reset or a complaint however its words sound (「你们几点下班」).
    var answeredQuestion: KnowledgeAnswer? {
        mutating get {
            guard cues.isQuestion, let answer = bestAnswer, answer.isAccepted else { return nil }
            return answer
        }
    }

    /// What shows the customer is upset: an anger cue, else the `complaint` intent (anger too),
    /// else an impatience cue.
    mutating func upset(repeated: Bool) -> FrustrationSignal? {
        let signal = manager.frustration.signal(in: utterance, cues: cues, repeated: repeated)
        if signal?.kind == .anger { return signal }
        return complaint.map { FrustrationSignal(.anger, cue: $0) } ?? signal
    }

    /// Whether an impatient line still asks for something the bot can do: a value for the slot
    /// asked, or (no form open) a question the knowledge base answers or a confident request of
    /// its own with a reply or a form.
    var carriesRequest: Bool {
        mutating get {
            if let form = activeForm {
                guard case let .slot(name)? = previous.pending, let slot = form.slot(named: name), !slot.isFreeText else { return false }
                return utterance.entities.contains { $0.name == slot.entity }
            }
            if answeredQuestion != nil { return true }
            guard let intent, special == nil, intent.confidence >= Self.requestUnderImpatience.confidence,
                  cues.content.count >= Self.requestUnderImpatience.length, let definition = bot.intent(named: intent.name) else { return false }
            return !definition.slots.isEmpty || definition.reply != nil
        }
    }

    /// The `complaint` intent as a sign of frustration, unless the line is a question the
    /// knowledge base answers.
    var complaint: String? {
        mutating get {
            guard special == .complaint else { return nil }
            if answeredQuestion != nil {
                reasons.append("read as complaint, but a question with an answer")
                return nil
            }
            if cues.isQuestion, let next = utterance.prediction.ranking.first(where: { SpecialIntent(rawValue: $0.name) == nil }),
               let form = bot.intent(named: next.name), !form.slots.isEmpty, namesValue(for: form) {
                // 「你们家有iPad不」: 你们 made it a complaint; the question names a product for product_price.
                reasons.append("read as complaint, but a question naming a value for \(next.name): read as \(next.name)")
                utterance.prediction.intent = next
                return nil
            }
            return "intent complaint"
        }
    }

    // MARK: Replies

    /// The reply with `text`, where it came from, the reasons so far (and `reason`), the
    /// state's hand-off and slots (or `slots`, for a form that just ended). Values the line gave
    /// are remembered for the conversation.
    mutating func finish(_ text: String, _ policy: ReplyPolicy, _ source: ReplySource, answer: AnswerChoice? = nil,
                         slots: [String: String]? = nil, reason: String? = nil) -> (Reply, DialogueState) {
        if let reason { reasons.append(reason) }
        rememberValues(unless: policy)
        switch source {
        case let .intent(name), let .table(_, _, name):
            if SpecialIntent(rawValue: name) == nil { state.talkAbout(intent: name) }
        case let .knowledgeBase(entry):
            let form = intent.flatMap { bot.intent(named: $0.name) }.flatMap { special == nil && !$0.slots.isEmpty ? $0.name : nil }
            state.talkAbout(answer: entry, readAs: form)
        case .fallback, .handoff, .message: break
        }
        let reply = Reply(text: text, source: source, understood: utterance.prediction.intent, answer: answer,
                          slots: slots ?? state.slots, handoff: state.handoff, policy: policy,
                          reason: reasons.joined(separator: "; "))
        return (reply, state)
    }

    /// Keeps the line's values of remembered entities (an order number, a phone, a product) for
    /// later forms — not a value the table just said it does not have.
    mutating func rememberValues(unless policy: ReplyPolicy) {
        for entity in utterance.entities where manager.rememberedEntities.contains(entity.name) {
            state.remembered[entity.name] = entity.value.slotText
        }
        if policy == .lookupMissing, let form = activeForm, let lookup = form.lookup, let key = form.slot(named: lookup.key) {
            state.remembered[key.entity] = nil
        }
    }

    /// A system message with the bot's name and `values`.
    func say(_ message: KeyPath<BotMessages, ReplyTemplate>, _ values: [String: String] = [:]) -> String {
        settings.say(message, values) ?? settings.messages[keyPath: message].source
    }

    var intentReason: String {
        if let intent = utterance.prediction.intent {
            return "intent \(intent.name) \(Self.score(intent.confidence))"
        }
        return "no intent" + (utterance.prediction.outOfScopeReason.map { " (\($0))" } ?? "")
    }

    static func score(_ value: Double) -> String {
        DecimalText.fixed(value, digits: 2)
    }

    // MARK: Hand-off, reset, frustration

    mutating func handOff(_ message: KeyPath<BotMessages, ReplyTemplate>, _ why: HandoffReason,
                          reason: String) -> (Reply, DialogueState) {
        state.closeForm()
        state.pending = nil
        state.handoff = true
        state.handoffReason = why
        return finish(say(message), .handoff, .handoff(why), reason: reason + " → hand-off")
    }

    mutating func reset() -> (Reply, DialogueState) {
        state = DialogueState(turns: state.turns)
        return finish(say(\.reset), .reset, .message("reset"), reason: "reset: the conversation starts over")
    }

    mutating func frustrated(_ signal: FrustrationSignal) -> (Reply, DialogueState) {
        state.frustration += 1
        if previous.frustration > 0 {
            return handOff(\.frustrationHandoff, HandoffReason(.anger, cue: signal.cue),
                           reason: "upset again (\(signal)) after the offer of a human")
        }
        var started = ""
        if activeForm == nil, let intent, special == nil, exactAnswer == nil,
           intent.confidence >= Self.requestUnderOutburst.confidence,
           cues.content.count >= Self.requestUnderOutburst.length, let form = bot.intent(named: intent.name), !form.slots.isEmpty {
            // 「磨磨唧唧的 怎么还不发货」: the delivery form starts behind the offer, so an order number said next still fills it
            // (not for a bare outburst like 「什么玩意」, whatever intent it was mistaken for).
            state.activeIntent = form.name
            state.slots = [:]
            _ = fillSlots(of: form)
            started = "; form \(form.name) kept behind the offer"
        }
        state.pending = .humanOffer
        return finish(say(\.frustration), .frustration, .message("frustration"),
                      reason: "frustration: \(signal) → apology, offer of a human" + started)
    }

    /// An upset line also carries a request when its intent is this sure and it has this many
    /// letters, digits and Han characters.
    static let requestUnderOutburst = (confidence: 0.9, length: 6)
    /// An impatient line carries a request when its intent is this sure and it has this many
    /// letters, digits and Han characters (「手环到底啥时候有货啊 等半个月了！！」: out_of_stock 0.51) —
    /// a lower bar than an outburst's, since the reply still opens with the apology.
    static let requestUnderImpatience = (confidence: 0.5, length: 6)

    mutating func offerDeclined() -> (Reply, DialogueState) {
        reasons.append("declined the offer of a human")
        guard let question = state.pending else { return finish(say(\.offerDeclined), .smallTalk, .message("offer_declined")) }
        return finish(say(\.offerDeclined) + ask(question), policy(asking: question), .message("offer_declined"))
    }
}
