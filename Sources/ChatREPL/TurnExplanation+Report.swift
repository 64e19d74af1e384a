import ChatCore
import ChatEngine

extension TurnExplanation {
    /// The explanation as `:why` prints it: the line's tokens, the best intents with the n-grams
    /// that drove them, the entities, the knowledge base's candidates, and the reply with its
    /// policy and reason. `answerText` gives a knowledge-base entry's answer by id.
    ///
    /// ```
    /// 「我想退货」
    /// tokens     我 | 想 | 退货
    /// intents    return_request 0.94   「退货」+0.41 · 「想 退货」+0.22
    /// ```
    func report(answerText: (String) -> String?) -> String {
        var text = "「\(utterance.text)」\n"
        text += "tokens     " + utterance.tokens.map(\.text).joined(separator: " | ") + "\n"
        text += intentsReport()
        if utterance.entities.isEmpty {
            text += "entities   none\n"
        } else {
            for (index, entity) in utterance.entities.enumerated() {
                text += (index == 0 ? "entities   " : "           ")
                    + "\(entity.name) = \(Self.describe(entity.value))  「\(entity.text)」 at \(entity.scalarRange.lowerBound)..<\(entity.scalarRange.upperBound)"
                    + " (\(entity.source.rawValue))\n"
            }
        }
        if knowledgeCandidates.isEmpty {
            text += "knowledge  no candidates\n"
        } else {
            text += "knowledge\n" + KnowledgeCandidateTable.rows(knowledgeCandidates, indent: "  ")
        }
        text += "reply      " + ChatSession.debugLine(reply) + "\n"
        text += "reason     \(reply.reason)\n"
        if let answer = reply.answer, let answerText = answerText(answer.id), answerText != reply.text {
            text += "answer     \(answerText)\n"
        }
        text += "text       " + reply.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .joined(separator: "\n           ") + "\n"
        return text
    }

    private func intentsReport() -> String {
        var text = ""
        let width = (intentEvidence.map(\.intent.name.count).max() ?? 0) + 2
        for (index, evidence) in intentEvidence.enumerated() {
            text += (index == 0 ? "intents    " : "           ")
                + evidence.intent.name.padded(to: width) + evidence.intent.confidence.fixed()
            if !evidence.features.isEmpty {
                text += "   " + evidence.features.map { "「\($0.feature)」\($0.weight >= 0 ? "+" : "")\($0.weight.fixed())" }
                    .joined(separator: " · ")
            }
            text += "\n"
        }
        if intentEvidence.isEmpty { text += "intents    none\n" }
        if let intent = utterance.prediction.intent {
            text += "           → \(intent.name)\n"
        } else {
            text += "           → out of scope" + (utterance.prediction.outOfScopeReason.map { ": \($0)" } ?? "") + "\n"
        }
        return text
    }

    /// An entity's value as text: 「350 CNY」, 「2026-11-24」, 「320」.
    private static func describe(_ value: EntityValue) -> String {
        switch value {
        case let .text(text): return text
        case let .number(number): return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
        case let .money(amount, currency): return (amount == amount.rounded() && abs(amount) < 1e15 ? String(Int(amount)) : "\(amount)") + " " + currency
        }
    }
}
