import ArgumentParser
import BotDefinition

/// `kefu check`: validates a bot folder and lists every problem, gcc-style.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a bot folder: intents, entities, knowledge base, tables and dictionary.",
        discussion: """
            Reads intents/*.yml, knowledge-base/*.yml, knowledge-base/tables/*.csv and \
            knowledge-base/dictionary.txt and prints every problem as

              FILE:LINE:COLUMN: error|warning: MESSAGE

            sorted by file and line, then one summary line ("2 errors, 1 warning in 5 files", or \
            "ok: 27 intents, 84 knowledge-base entries, 2 tables"). Errors: YAML syntax, wrong \
            shapes, unknown keys, duplicate intent names or knowledge-base ids, intents with fewer \
            than 2 examples, slots naming unknown entities, templates naming unknown slots, tables \
            or columns, bad regexes (once, where declared), CSV rows with the wrong number of \
            fields, repeated table keys, invalid UTF-8, bad dictionary lines, an unknown time_zone, \
            cases without lookup.by, an offer naming no intent, a by: or table-entity column the \
            table lacks, a bot.yml tables: entry naming a missing table, column or entity. \
            Warnings: an example under two intents, an example with no words, an \
            intent with neither reply nor slots, a slot without a prompt, a misspelt special intent \
            name (human_agnet), TODO/TBD/FIXME/待补充/待定 text, a case value no row has.

            Exit status: 0 when there are no errors (warnings alone pass), 1 when there are errors, \
            2 when the folder does not exist or cannot be read.

            Example:
              kefu check --bot demo
              demo/intents/orders.yml:7:5: error: unknown key 'exmaples' in an intent; …
              demo/intents/orders.yml:13:27: error: slot 'city' … unknown entity 'cty' …
              2 errors, 0 warnings in 4 files
            """
    )

    @Option(name: .customLong("bot"), help: ArgumentHelp("The bot folder (holding intents/ and knowledge-base/).", valueName: "dir"))
    var bot = "."

    func run() throws {
        let report: BotCheckReport
        do {
            report = try BotLoader.check(folder: bot)
        } catch {
            throw CLIError(error.description)
        }
        let prefix = bot == "." || bot == "./" ? "" : (bot.hasSuffix("/") ? bot : bot + "/")
        var output = ""
        for issue in report.issues {
            output += prefix + issue.description.replacingNewlines() + "\n"
        }
        output += report.summary + "\n"
        print(output, terminator: "")
        if report.hasErrors { throw ExitCode(1) }
    }
}

extension String {
    /// The text on one line: line breaks shown as `\n`.
    fileprivate func replacingNewlines() -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "\\n")
    }
}
