import ArgumentParser

/// `kefu eval`: measure the engine on labelled data (`intents`; `faq` to come).
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure intent matching and FAQ retrieval on labelled data.",
        subcommands: [EvalIntents.self, EvalFAQ.self]
    )
}
