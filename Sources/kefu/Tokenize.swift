import ArgumentParser
import ChatCore
import Segmentation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kefu tokenize`: lines on standard input, their tokens on standard output.
struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cut lines of Chinese, English and mixed text into tokens.",
        discussion: """
            Reads lines on standard input and writes one line per input line: the tokens separated \
            by one space (whitespace in the input is dropped). With --offsets each line is a JSON \
            array instead: [{"text":"订单","start":2,"end":4}], start and end counted in Unicode \
            scalars of the input line. Invalid UTF-8 is replaced by U+FFFD, with a warning on \
            standard error naming the line.

            Example:
              echo '我要退货，订单20241105123456，发票发到li.wei@example.com' | kefu tokenize
              我 要 退货 ， 订单 20241105123456 ， 发票 发到 li.wei@example.com
            """
    )

    @Flag(name: .customLong("no-hmm"), help: "Do not cut unknown words with the HMM: each unknown character stays a token.")
    var noHMM = false

    @Option(name: .customLong("dict"), help: ArgumentHelp("A user dictionary: `word [freq] [tag]` a line. Repeatable; later files win.", valueName: "file"))
    var dictionaries: [String] = []

    @Flag(help: "Write a JSON array of {text, start, end} per line instead of spaced tokens.")
    var offsets = false

    @Flag(help: "With --offsets, also write each token's kind (word, latin, number, phone, email, url, punct, symbol, emoji, other).")
    var kinds = false

    func validate() throws {
        if kinds && !offsets { throw ValidationError("--kinds goes with --offsets") }
    }

    func run() throws {
        let segmenter = try makeSegmenter()
        var workspace = SegmentationWorkspace()
        var output = OutputBuffer(descriptor: STDOUT_FILENO)
        let format = TokenLineFormat(offsets: offsets, kinds: kinds)
        do {
            try LineReader(descriptor: STDIN_FILENO).forEachLine({ line, number in
                if !segmenter.segment(utf8: line, in: &workspace) {
                    output.flush()
                    printError("kefu tokenize: line \(number): invalid UTF-8 replaced with U+FFFD")
                }
                format.write(workspace, to: &output)
                output.flushIfFull()
            }, chunkDone: { output.flush() })
        } catch {
            output.flush()
            throw CLIError("cannot read standard input: \(error.message)")
        }
        output.flush()
    }

    private func makeSegmenter() throws -> Segmenter {
        var words = WordList()
        for path in dictionaries {
            do {
                words.entries += try WordList(contentsOf: path).entries
            } catch {
                throw CLIError("\(error)")
            }
        }
        do {
            return try Segmenter.shipped(userWords: words, usesHMM: !noHMM)
        } catch {
            throw CLIError("\(error)")
        }
    }
}
