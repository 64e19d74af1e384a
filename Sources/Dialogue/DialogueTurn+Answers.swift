import BotDefinition
import ChatCore

/// Lines outside a form's question (or digressions inside one): small talk, follow-ups,
/// intents against knowledge-base answers, and misses.
extension DialogueTurn {
    /// Answers the line on its own; with `resume`, a form's question is pending and is asked
    /// again after the answer (a digression), unless the line starts another form.
    mutating func open(resume: PendingQuestion?) -> (Reply, DialogueState) {
        if let special {
            switch special {
            case .greeting, .thanks, .goodbye:
                if let answer = bestAnswer, cues.isQuestion, answer.isAccepted,
                   answer.choice.confidence >= manager.tuning.answerOverReply {
                    return give(answer, .knowledgeAnswer, resume: resume, reason: "a question: answer beats small talk")
                }
                return smallTalk(special, resume: resume)
            case .affirm, .deny:
                if resume == nil, cues.answer == nil, let answer = bestAnswer, answer.isAccepted {
                    return give(answer, .knowledgeAnswer, resume: nil, reason: "not a plain yes/no: the accepted answer")
                }
                guard let resume else { return finish(say(\.acknowledge), .smallTalk, .message("acknowledge"), reason: "yes/no with nothing asked") }
                return finish(ask(resume), policy(asking: resume), state.activeIntent.map(ReplySource.intent) ?? .message("acknowledge"),
                              reason: "yes/no while a question is pending → ask again")
            case .humanAgent, .reset, .complaint, .outOfScope:
                break
            }
        }
        if resume == nil, cues.isFollowUp, let topic = previous.lastIntent, let form = bot.intent(named: topic),
           namesValue(for: form), !namesValueForIntent || intent?.name == topic || isBareFollowUp {
            // 「那音箱呢」 after 「耳机多少钱」, 「那 20261118204512 呢」 after an order's status: the same request, a new value.
            return start(form, reason: "follow-up of \(topic) with a new value")
        }
        if cues.isFollowUp, !namesValueForIntent {
            if resume != nil, let form = state.activeIntent, let answer = followUpAnswer(toForm: form) {
                return give(answer, .followUp, resume: resume, reason: "follow-up of the form \(form)")
            }
            if let topic = state.lastAnswer, let answer = followUpAnswer(to: topic) {
                return give(answer, .followUp, resume: resume, reason: "follow-up of \(topic)")
            }
            if resume == nil, let topic = previous.lastIntent, !takesTopicValue, let answer = followUpAnswer(toForm: topic) {
                return give(answer, .followUp, resume: nil, reason: "follow-up of \(topic)")
            }
        }
        if resume == nil, let form = formForValuesAlone {
            // 「20261118204512」 pasted alone: the topic's request for it, else a lookup of it.
            return start(form, reason: "values alone → form \(form.name)")
        }
        let answer = bestAnswer
        if let answer { reasons.append(Self.describe(answer)) }
        if let intent, special == nil, let definition = bot.intent(named: intent.name) {
            if !definition.slots.isEmpty, takesTopicValue {
                return start(definition, reason: "form \(definition.name), following up on \(previous.lastIntent ?? "")")
            }
            if !definition.slots.isEmpty {
                if let answer, answerBeats(form: definition, answer) {
                    return give(answer, .knowledgeAnswer, resume: resume,
                                reason: "a question naming no value: answer beats form \(definition.name) (≥ \(Self.score(manager.tuning.answerOverForm)))")
                }
                return start(definition, reason: "form \(definition.name)")
            }
            if let reply = definition.reply {
                if let answer, answerBeats(reply: intent, answer) {
                    return give(answer, .knowledgeAnswer, resume: resume, reason: "answer beats the reply of \(intent.name)")
                }
                if resume != nil, cues.isQuestion, let form = state.activeIntent, let answer = followUpAnswer(toForm: form), answer.isAccepted {
                    // 「需要提供些啥」 while the VAT-invoice form waits: a question about the form, not 「what can you do」.
                    return give(answer, .followUp, resume: resume, reason: "a question while \(form) waits: answered with its topic")
                }
                state.fallbacks = 0
                let text = (reply.render(slots: ["name": settings.name]) ?? reply.source) + again(resume)
                return finish(text, .intentReply, .intent(intent.name), reason: "reply of \(intent.name)" + (resume == nil ? "" : "; back to the form"))
            }
            reasons.append("intent \(intent.name) has no reply or slots")
        }
        if let answer, answer.isAccepted {
            // A line like the out-of-scope examples (「天气预报说明天下雨」) needs the bar an answer
            // beats a reply by: one shared word (明天) is no answer to it.
            guard !utterance.prediction.resemblesOutOfScope || answer.isExactMatch
                    || answer.choice.confidence >= manager.tuning.answerOverReply else {
                reasons.append("out of scope by example: answer below \(Self.score(manager.tuning.answerOverReply))")
                return miss(resume: resume)
            }
            return give(answer, .knowledgeAnswer, resume: resume, reason: "accepted answer")
        }
        return miss(resume: resume)
    }

    // MARK: Knowledge-base answers

    static func describe(_ answer: KnowledgeAnswer) -> String {
        "answer \(answer.choice.id) \(score(answer.choice.confidence))\(answer.isAccepted ? " accepted" : " not accepted")"
    }

    /// Whether the line is, word for word (digits aside), one of its intent's own examples: the
    /// bot's author said what it means, so no knowledge-base answer overrules it
    /// (「我的订单什么时候发货」, a `delivery_time` example, starts the form).
    var isOwnExample: Bool {
        guard let intent else { return false }
        return manager.intentByExample[cues.contentWithoutDigits] == intent.name
    }

    /// Whether an accepted answer wins over a form intent: the line is not one of the intent's
    /// examples, is a question not about the customer's own case (「我的退款到哪一步了」 is their refund),
    /// names no value the form takes, and the answer is confident enough or more confident than
    /// the intent (「is this genuine?」 read as out_of_stock 0.45, shop-genuine 0.62).
    mutating func answerBeats(form: IntentDefinition, _ answer: KnowledgeAnswer) -> Bool {
        !isOwnExample && answer.isAccepted && cues.isQuestion && !cues.isAboutOwnCase && !namesValue(for: form)
            && (answer.choice.confidence >= manager.tuning.answerOverForm || answer.choice.confidence > (intent?.confidence ?? 0))
    }

    /// Whether an accepted answer wins over an intent with a plain reply: the line is not one of
    /// the intent's examples, and the answer is more confident, or the line is a question and the
    /// answer confident enough.
    func answerBeats(reply intent: IntentScore, _ answer: KnowledgeAnswer) -> Bool {
        !isOwnExample && answer.isAccepted && (answer.choice.confidence > intent.confidence
            || (cues.isQuestion && answer.choice.confidence >= manager.tuning.answerOverReply))
    }

    /// Whether the line has a value for one of the form's slots — or names something unknown
    /// for a slot that says so (「iPhone 16 多少钱」: the product form answers, not a fee entry).
    mutating func namesValue(for form: IntentDefinition) -> Bool {
        if utterance.entities.contains(where: { entity in form.slots.contains { $0.entity == entity.name } }) { return true }
        return form.slots.contains { $0.unknown != nil } && unfamiliarWords != nil
    }

    /// The form for a line that is nothing but values (「20261118204512」, 「２０２６ １１２０ ０９３０ １５」):
    /// the topic's form when it takes one of them, else the form that only looks such a value up
    /// (no confirmation, the value its table key) and shows most of the row (order_status over
    /// refund_status; the first in the bot's order on a tie). Nil for any other line.
    var formForValuesAlone: IntentDefinition? {
        let entities = utterance.entities.filter { bot.declaresEntity($0.name) || $0.name == "phone" || $0.name == "email" }
        guard !entities.isEmpty, special == nil || intent == nil, lettersOutside(entities).isEmpty else { return nil }
        let names = Set(entities.map(\.name))
        if let topic = previous.lastIntent.flatMap({ bot.intent(named: $0) }), topic.slots.contains(where: { names.contains($0.entity) }) {
            return topic
        }
        let lookups = bot.intents.filter { form in
            guard let lookup = form.lookup, form.confirm == nil, form.cases.allSatisfy({ $0.confirm == nil }),
                  let key = form.slot(named: lookup.key) else { return false }
            return names.contains(key.entity)
        }
        func shown(_ form: IntentDefinition) -> Int { Set(form.reply?.columns ?? []).count }
        return lookups.reduce(nil) { best, form in best.map { shown(form) > shown($0) ? form : $0 } ?? form }
    }

    /// Whether the line is a follow-up made of nothing but values (「那 20261124143000 呢」): the
    /// words its intent was read from are the follow-up's own, so the previous request stands.
    var isBareFollowUp: Bool {
        cues.isFollowUp && LineCues.withoutFollowUpWords(lettersOutside(utterance.entities)).isEmpty
    }

    /// The line's letters and digits outside `entities`' spans.
    func lettersOutside(_ entities: [Entity]) -> [Unicode.Scalar] {
        utterance.text.unicodeScalars.enumerated().compactMap { index, scalar in
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil,
                  !entities.contains(where: { $0.scalarRange.contains(index) }) else { return nil }
            return scalar
        }
    }

    /// Whether the line names a value for its own intent's form (「那 20261120093015 呢」 is a lookup, not a follow-up).
    var namesValueForIntent: Bool {
        mutating get {
            guard let intent, let definition = bot.intent(named: intent.name) else { return false }
            return namesValue(for: definition)
        }
    }

    /// Whether the line's intent is a form that takes a value the topic's intent used (「那能不能催一下」
    /// after an order's status: the rush form takes the order number), so the form, not a
    /// knowledge-base follow-up, answers it.
    var takesTopicValue: Bool {
        guard let intent, special == nil, let form = bot.intent(named: intent.name), !form.slots.isEmpty else { return false }
        return form.slots.contains { !$0.isFreeText && state.remembered[$0.entity] != nil && followsUpOnTopic(using: $0.entity, in: form) }
    }

    /// The answer to a follow-up: the top entry for the line searched together with the previous
    /// answer's topic words, when it is not the previous entry and either its answer is accepted,
    /// or it shares a tag with the previous entry and is among the line's own best
    /// `followUpDepth` entries (the combined query is not what the confidence was calibrated on,
    /// so agreement of the two searches stands in for it).
    mutating func followUpAnswer(to topic: String) -> KnowledgeAnswer? {
        guard let context = manager.topics.words[topic], let previous = bot.entry(id: topic) else { return nil }
        let query = utterance.text + " " + context
        guard let answer = knowledge.answers(for: query, limit: 1).first, answer.choice.id != topic,
              let entry = bot.entry(id: answer.choice.id) else { return nil }
        let why: String
        if answer.isAccepted {
            why = "accepted"
        } else {
            let sharedTag = entry.tags.first { previous.tags.contains($0) }
            let alone = lineAnswers.prefix(manager.tuning.followUpDepth)
            guard let sharedTag, let rank = alone.firstIndex(where: { $0.choice.id == entry.id }) else { return nil }
            why = "shares tag \(sharedTag) with \(topic), #\(rank + 1) for the line alone"
        }
        reasons.append("searched 「\(query)」: answer \(entry.id) \(Self.score(answer.choice.confidence)) (\(why))")
        return answer
    }

    /// The answer to a follow-up asked while `form`'s question is pending (「我想退货」 → 「请提供订单号」 →
    /// 「那运费呢？」): the top entry for the line searched with the intent's topic words, when its
    /// answer is accepted or it is among the line's own best `followUpDepth` entries.
    mutating func followUpAnswer(toForm form: String) -> KnowledgeAnswer? {
        guard let context = manager.topics.intentWords[form] else { return nil }
        let query = utterance.text + " " + context
        guard let answer = knowledge.answers(for: query, limit: 1).first, bot.entry(id: answer.choice.id) != nil else { return nil }
        let why: String
        if answer.isAccepted {
            why = "accepted"
        } else {
            let alone = lineAnswers.prefix(manager.tuning.followUpDepth)
            guard let rank = alone.firstIndex(where: { $0.choice.id == answer.choice.id }) else { return nil }
            why = "#\(rank + 1) for the line alone"
        }
        reasons.append("searched 「\(query)」: answer \(answer.choice.id) \(Self.score(answer.choice.confidence)) (\(why))")
        return answer
    }

    mutating func give(_ answer: KnowledgeAnswer, _ policy: ReplyPolicy, resume: PendingQuestion?,
                       reason: String) -> (Reply, DialogueState) {
        guard let entry = bot.entry(id: answer.choice.id) else {
            reasons.append("answer \(answer.choice.id) is not in the knowledge base")
            return miss(resume: resume)
        }
        if !reasons.contains(where: { $0.hasPrefix("answer \(entry.id) ") || $0.contains(": answer \(entry.id) ") }) {
            reasons.append(Self.describe(answer))
        }
        state.fallbacks = 0
        if case .offer? = state.pending { state.pending = nil }
        return finish(entry.answer + again(resume), policy, .knowledgeBase(entry: entry.id), answer: answer.choice,
                      reason: reason + (resume == nil ? "" : "; back to the form"))
    }

    /// After a digression: 「回到刚才的问题：」 and the pending question, on a new line.
    func again(_ resume: PendingQuestion?) -> String {
        guard let resume else { return "" }
        return "\n" + say(\.resume) + ask(resume)
    }

    // MARK: Small talk and misses

    mutating func smallTalk(_ special: SpecialIntent, resume: PendingQuestion?) -> (Reply, DialogueState) {
        let fallback: KeyPath<BotMessages, ReplyTemplate> = switch special {
        case .thanks: \.thanks
        case .goodbye: \.goodbye
        default: \.greeting
        }
        let own = bot.intent(named: special.rawValue)?.reply?.render(slots: ["name": settings.name])
        state.fallbacks = 0
        if special == .goodbye {
            if state.activeIntent != nil { reasons.append("goodbye ends form \(state.activeIntent ?? "")") }
            state.closeForm()
            return finish(own ?? say(fallback), .smallTalk, smallTalkSource(special), reason: special.rawValue)
        }
        return finish((own ?? say(fallback)) + again(resume), .smallTalk, smallTalkSource(special),
                      reason: special.rawValue + (resume == nil ? "" : "; back to the form"))
    }

    /// The small-talk intent when the bot has it, else the bot's message of that name.
    func smallTalkSource(_ special: SpecialIntent) -> ReplySource {
        bot.intent(named: special.rawValue) == nil ? .message(special.rawValue) : .intent(special.rawValue)
    }

    /// Not understood: ask to rephrase (with the pending question again), or hand off when the
    /// misses in a row reach `fallback.handoff_after`.
    mutating func miss(resume: PendingQuestion?) -> (Reply, DialogueState) {
        state.fallbacks += 1
        let limit = settings.handoffAfterMisses
        let count = "miss \(state.fallbacks) of \(limit)"
        if state.fallbacks >= limit {
            return handOff(\.handoffAfterMisses, HandoffReason(.misses, cue: count), reason: count)
        }
        let text: String
        switch resume {
        case .confirmation?: text = say(\.confirmHint) + ask(.confirmation)
        case let question?: text = say(\.fallback) + "\n" + ask(question)
        case nil: text = say(\.fallback)
        }
        return finish(text, .fallback, .fallback, reason: count + " → rephrase")
    }
}
