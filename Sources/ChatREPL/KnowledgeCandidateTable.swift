import Dialogue

/// Knowledge-base candidates as aligned rows for `:kb` and `:why`, best first, with every
/// score that ranked them; ✓ marks a confidence above the answer threshold.
///
/// `  1. return-policy        confidence 0.81 ✓  score 3.20  bm25 5.10  neural 0.62`
enum KnowledgeCandidateTable {
    static func rows(_ candidates: [KnowledgeAnswer], indent: String = "  ") -> String {
        let width = (candidates.map(\.choice.id.count).max() ?? 0) + 2
        var text = ""
        for (rank, candidate) in candidates.enumerated() {
            let choice = candidate.choice
            text += indent + "\(rank + 1). " + choice.id.padded(to: width)
            text += rank == 0 ? "confidence \(choice.confidence.fixed())" + (candidate.isAccepted ? " ✓" : "  ") + "  "
                : String(repeating: " ", count: 19)
            text += "score \(choice.score.fixed())  bm25 \(choice.bm25.fixed())  neural \(choice.neural.fixed())\n"
        }
        return text
    }
}
