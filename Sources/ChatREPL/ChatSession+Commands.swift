import ChatEngine
import Dialogue
import Foundation
import Transcripts

extension ChatSession {
    /// Runs an agent command; false for `:quit`.
    mutating func run(_ command: AgentCommand, output: inout some OutputSink) -> Bool {
        switch command {
        case let .why(text): why(text, output: &output)
        case .state: output.write(Self.describe(state.masked(by: engine.privacyMask)))
        case .reset:
            state = .start
            transcript = TranscriptRecorder()
            output.write("The conversation starts over (state and transcript cleared).\n")
        case let .intents(name): output.write(intents(matching: name))
        case let .knowledge(query): knowledge(query, output: &output)
        case let .save(file): save(to: file, output: &output)
        case .reload: reload(output: &output)
        case let .debug(on):
            if let on { isDebugging = on }
            output.write("debug is \(isDebugging ? "on: each reply is followed by its policy, intent and answer" : "off")\n")
        case .help: output.write(AgentCommand.helpText)
        case .quit: return false
        case let .badArgument(command, expected):
            problem("\(command) takes \(expected)", output: &output)
        case let .unknown(name, suggestion):
            let hint = suggestion.map { "did you mean \($0)? " } ?? ""
            problem("unknown command \(name): \(hint):help lists the commands", output: &output)
        }
        return true
    }

    /// `:why` and `:why TEXT`.
    private mutating func why(_ text: String?, output: inout some OutputSink) {
        let explanation: TurnExplanation
        if let text {
            explanation = engine.explain(text, in: state, at: clock())
            output.write("(not answered: the conversation is unchanged)\n")
        } else if let lastLine {
            explanation = engine.explain(lastLine.text, in: lastLine.state, at: lastLine.time)
        } else {
            problem("nothing to explain yet: type a customer line first, or :why TEXT", output: &output)
            return
        }
        output.write(engine.privacyMask.mask(explanation.report(answerText: { engine.bot.entry(id: $0)?.answer })))
    }

    /// `:state`: the dialogue state as JSON, every field of it.
    static func describe(_ state: DialogueState) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(state) else { return "(the state cannot be shown)\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `:intents`: every intent with its example count; `:intents NAME`: that intent in detail,
    /// or the intents whose names contain NAME.
    func intents(matching name: String?) -> String {
        let bot = engine.bot
        if let name, let intent = bot.intent(named: name) {
            var text = "\(intent.name)" + (intent.description.map { " — \($0)" } ?? "") + "\n"
            text += "  \(intent.examples.count) examples, e.g. "
                + intent.examples.prefix(5).map { "「\($0.text)」" }.joined(separator: " ") + "\n"
            for slot in intent.slots {
                text += "  slot \(slot.name): entity \(slot.entity)" + (slot.prompt.map { ", prompt 「\($0)」" } ?? "") + "\n"
            }
            if let lookup = intent.lookup { text += "  looks up table \(lookup.table) by \(lookup.key)\n" }
            if intent.confirm != nil { text += "  asks for confirmation first\n" }
            if intent.reply == nil { text += "  no reply of its own (handled by the dialogue policy)\n" }
            return text
        }
        let shown = bot.intents.filter { name == nil || $0.name.contains(name ?? "") }
        guard !shown.isEmpty else { return "no intent named or containing \(name ?? ""); :intents lists them all\n" }
        let width = (shown.map(\.name.count).max() ?? 0) + 2
        var text = name == nil ? "\(shown.count) intents:\n" : ""
        for intent in shown {
            let slots = intent.slots.isEmpty ? "" : "  slots: " + intent.slots.map(\.name).joined(separator: ", ")
            text += "  " + intent.name.padded(to: width) + "\(intent.examples.count) examples" + slots + "\n"
        }
        return text
    }

    /// `:kb QUERY`: the knowledge base's best entries with their scores, and the first one's answer.
    private func knowledge(_ query: String?, output: inout some OutputSink) {
        guard let query else {
            output.write(":kb takes a question, e.g. :kb 运费怎么算\n")
            return
        }
        guard let search = engine.knowledge else {
            output.write("this bot has no knowledge base\n")
            return
        }
        let candidates = search.answers(for: query, limit: 5)
        guard let first = candidates.first else {
            output.write("no knowledge-base entry shares a word with 「\(query)」\n")
            return
        }
        var text = KnowledgeCandidateTable.rows(candidates)
        text += "answer of \(first.choice.id)"
            + (first.isAccepted ? "" : " (below the confidence threshold: the bot would not give it)") + ":\n"
        text += "  " + (engine.bot.entry(id: first.choice.id)?.answer ?? "(not in the bot)") + "\n"
        output.write(text)
    }

    /// `:save FILE`: the transcript as YAML, named for the file.
    private func save(to file: String?, output: inout some OutputSink) {
        guard let file else {
            output.write(":save takes a file name, e.g. :save transcripts/returns.yml\n")
            return
        }
        let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
        let name = url.deletingPathExtension().lastPathComponent
        do {
            try Data(transcript.transcript(name: name).yaml(mask: engine.privacyMask).utf8).write(to: url, options: .atomic)
            output.write("saved \(transcript.turns.count) turn(s) to \(url.path) (replay with: kefu replay \(url.path))\n")
        } catch {
            output.write("cannot write \(url.path): \(error.localizedDescription) (check the folder exists and is writable)\n")
        }
    }

    /// `:reload`: loads the bot folder again; the conversation goes on unless its active
    /// intent is gone from the bot.
    private mutating func reload(output: inout some OutputSink) {
        do {
            engine = try loader(botFolder)
        } catch {
            output.write("cannot reload \(botFolder): \(error.description) (the previous bot stays loaded)\n")
            return
        }
        for warning in engine.loadReport?.warnings ?? [] { output.warn("kefu chat: \(warning)\n") }
        var text = "reloaded \(botFolder): \(engine.bot.intents.count) intents, \(engine.bot.knowledgeBase.count) knowledge-base entries"
            + (engine.loadReport.map { " (\($0.banner))" } ?? "") + "; "
        if let active = state.activeIntent, engine.bot.intent(named: active) == nil {
            state = .start
            transcript = TranscriptRecorder()
            text += "the active intent \(active) is gone, so the conversation starts over\n"
        } else {
            text += "the conversation goes on (state and transcript kept)\n"
        }
        output.write(text)
    }
}
