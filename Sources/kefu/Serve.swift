import ArgumentParser
import ChatEngine
import ChatStdio
import Foundation
import Transcripts

/// `kefu serve --stdio`: the JSON-lines adapter (DESIGN §3), optionally keeping sessions in SQLite.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the bot over standard input and output (JSON lines).",
        discussion: """
            Reads one JSON request a line on standard input and writes one JSON reply a line, in \
            the requests' order, for any number of interleaved sessions:

              {"session":"c42","text":"我想退货"}           → {"session":"c42","reply":…,"intent":…,"confidence":…,"answer":…,"slots":{…},"handoff":false}
              {"session":"c42","command":"state"}          → {"session":"c42","state":{"turns","active_intent","slots","fallbacks","handoff"}}
              {"session":"c42","command":"reset"}          → {"session":"c42","reset":true}

            An "id" (any JSON value) is echoed in its reply; "now" (ISO 8601) fixes the time \
            relative dates are read against for that line. A bad line gets \
            {"error":{"code":…,"message":…},"line":N} and the stream goes on; codes: \
            \(ErrorCode.allCases.map(\.rawValue).joined(separator: ", ")). End of input ends the \
            process with status 0.

            With --store FILE every session's state and every turn are written to an SQLite file \
            (WAL) before the reply goes out, so a restarted server continues every session.

            With --record DIR each session's conversation is kept as a transcript in DIR \
            (<session>.yml; after a reset <session>-2.yml …), rewritten after every batch of \
            lines, ready for kefu replay.
            """
    )

    @Flag(name: .customLong("stdio"), help: "Serve JSON lines on standard input and output (the only transport so far).")
    var stdio = false

    @Option(name: .customLong("bot"), help: ArgumentHelp("The bot folder.", valueName: "dir"))
    var bot = "."

    @Option(name: .customLong("store"), help: ArgumentHelp("Keep sessions and their turns in this SQLite file.", valueName: "file"))
    var store: String?

    @Option(name: .customLong("record"), help: ArgumentHelp("Write each session's conversation as a transcript file in this folder.", valueName: "dir"))
    var record: String?

    func run() throws {
        guard stdio else { throw CLIError("kefu serve needs --stdio (the only transport so far): kefu serve --stdio [--bot DIR] [--store FILE] [--record DIR]") }
        var sessionStore: SQLiteSessionStore?
        if let store {
            do { sessionStore = try SQLiteSessionStore(path: store) } catch { throw CLIError(error.description) }
        }
        let engine: ChatEngine
        do { engine = try Chat.load(bot) } catch { throw CLIError(error.description) }   // progress bar on a terminal only
        for warning in engine.loadReport?.warnings ?? [] { printError("kefu serve: \(warning)") }
        sessionStore?.mask = engine.privacyMask   // bot.yml's privacy setting
        var server = StdioServer(engine: engine, store: sessionStore)
        if let record {
            do { server.recording = try RecordingFolder(folder: record, mask: engine.privacyMask) } catch { throw CLIError(error.description) }
            server.warn = { printError("kefu serve: \($0)") }
        }
        var output = OutputBuffer(descriptor: STDOUT_FILENO)
        do {
            try server.serve(read: { buffer throws(LineReader.ReadError) -> Int in
                while true {
                    let count = read(STDIN_FILENO, buffer.baseAddress, buffer.count)
                    if count >= 0 { return count }
                    if errno != EINTR { throw LineReader.ReadError(message: String(cString: strerror(errno))) }
                }
            }, write: { bytes in
                output.append(bytes)
                output.flushIfFull()
            }, flush: { output.flush() })
        } catch {
            output.flush()
            throw CLIError("cannot read standard input: \(error.message)")
        }
    }
}
