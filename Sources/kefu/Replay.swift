import ArgumentParser
import ChatEngine
import Entities
import Foundation
import Transcripts

/// `kefu replay`: transcripts as regression tests (DESIGN §5). Each transcript is replayed in a
/// fresh session through the same `respond` the live front ends use, on all cores; every check of
/// every turn is made; each failing transcript gets a per-turn diff on standard output, and the
/// output ends with `N passed, M failed`.
///
/// Exit status: 0 when every transcript passed; 1 when one failed; 2 for bad usage (a path that
/// does not exist, no transcript found, a `--junit` file that cannot be written) or when a file
/// is not a valid transcript or its bot cannot be loaded — those files are listed on standard
/// error with file and line, the valid transcripts are still replayed and counted, and the JUnit
/// file shows the invalid ones as errors.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay transcripts as regression tests.",
        discussion: """
            Replays every transcript (*.yml, *.yaml; folders are searched recursively) in a fresh \
            session, checks every turn and prints a per-turn diff for each failure, then the line \
            "N passed, M failed". A transcript's now: fixes the time relative dates are read \
            against (without it: the clock, in the machine's zone); its bot: (relative to the \
            file) overrides --bot. Exit status 0 all passed, 1 some failed, 2 bad usage or an \
            invalid transcript (listed on standard error with file and line).
            """
    )

    @Argument(help: ArgumentHelp("Transcript files or folders (default: transcripts/).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("bot"), help: ArgumentHelp("The bot folder for transcripts without bot:.", valueName: "dir"))
    var bot = "."

    @Option(name: .customLong("junit"), help: ArgumentHelp("Also write the results as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Option(name: .customLong("filter"), help: ArgumentHelp("Replay only transcripts whose name or file path contains this text.", valueName: "text"))
    var filter: String?

    func run() throws {
        let started = ContinuousClock.now
        let files: [String]
        do { files = try TranscriptFiles.expand(paths.isEmpty ? ["transcripts"] : paths) } catch { throw CLIError(error.description) }
        guard !files.isEmpty else {
            throw CLIError("no transcript files (*.yml, *.yaml) in \((paths.isEmpty ? ["transcripts"] : paths).joined(separator: " ")); "
                + "record one with :save in kefu chat or kefu serve --stdio --record DIR")
        }
        var invalid: [TranscriptError] = []
        var transcripts: [Transcript] = []
        for file in files {
            do { transcripts.append(try Transcript.load(file: file)) } catch { invalid.append(error) }
        }
        if let filter {
            transcripts = transcripts.filter { $0.name.contains(filter) || ($0.file ?? "").contains(filter) }
            if transcripts.isEmpty, invalid.isEmpty { throw CLIError("no transcript's name or file path contains '\(filter)' (\(files.count) files read)") }
        }
        var runs: [(transcript: Transcript, engine: ChatEngine)] = []
        var engines: [String: Result<ChatEngine, ChatEngineError>] = [:]
        for transcript in transcripts {
            let folder = botFolder(of: transcript)
            let key = URL(fileURLWithPath: folder).standardizedFileURL.path
            if engines[key] == nil {
                let loaded = Result { () throws(ChatEngineError) in try Chat.load(folder) }
                if case let .success(engine) = loaded {
                    for warning in engine.loadReport?.warnings ?? [] { printError("kefu replay: \(folder): \(warning)") }
                }
                engines[key] = loaded
            }
            switch engines[key] {
            case let .success(engine)?: runs.append((transcript, engine))
            case let .failure(error)?:
                invalid.append(TranscriptError(file: transcript.file ?? transcript.name, "cannot load the bot folder \(folder): \(error.description)"))
            case nil: break
            }
        }

        let results = Transcript.replay(runs, clock: ReferenceTime(Date()))
        let failed = results.filter { !$0.passed }.count
        var report = results.filter { !$0.passed }.map { $0.diff + "\n" }.joined()
        report += "\(results.count - failed) passed, \(failed) failed\n"
        for error in invalid { printError(error.description) }
        print(report, terminator: "")

        if let junit {
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let xml = JUnitReport(results: results, invalid: invalid, seconds: seconds).xml
            do {
                try Data(xml.utf8).write(to: URL(fileURLWithPath: junit), options: .atomic)
            } catch {
                throw CLIError("cannot write the JUnit file \(junit): \((error as NSError).localizedDescription); check the folder exists and is writable")
            }
        }
        if !invalid.isEmpty {
            throw CLIError("\(invalid.count) transcript file(s) could not be replayed (listed above with file and line); fix them and run again")
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// The transcript's `bot:` relative to its file, or `--bot`.
    private func botFolder(of transcript: Transcript) -> String {
        guard let own = transcript.bot else { return bot }
        if own.hasPrefix("/") { return own }
        let directory = URL(fileURLWithPath: transcript.file ?? ".").deletingLastPathComponent()
        return directory.appendingPathComponent(own).standardizedFileURL.path
    }
}
