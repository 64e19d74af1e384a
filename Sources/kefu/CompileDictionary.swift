import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Segmentation

/// `kefu compile-dictionary`: turns jieba's text dictionary and HMM model into the binary image
/// Kefu loads at start-up. Maintainers run it when the shipped dictionary changes:
///
///     swift run -c release kefu compile-dictionary \
///         --words Data/jieba/dict.txt --hmm Data/jieba/hmm_model.json \
///         --output Sources/Segmentation/Resources/jieba.kefudict
struct CompileDictionary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile a word list and an HMM model into a binary dictionary image.",
        shouldDisplay: false
    )

    @Option(help: ArgumentHelp("Word list, `word freq [tag]` a line (jieba's dict.txt).", valueName: "file"))
    var words: String

    @Option(help: ArgumentHelp("BMES HMM as JSON with prob_start, prob_trans, prob_emit (jieba's hmm_model.json).", valueName: "file"))
    var hmm: String

    @Option(help: ArgumentHelp("Where to write the image.", valueName: "file"))
    var output: String

    func run() throws {
        let wordBytes = try readFile(words)
        let hmmBytes = try readFile(hmm)
        let list: WordList
        do {
            list = try WordList(parsing: wordBytes, source: words)
        } catch {
            throw CLIError("\(error)")
        }
        var entries: [(word: String, frequency: Int)] = []
        for entry in list.entries {
            guard let frequency = entry.frequency else {
                throw CLIError("\(words):\(entry.line ?? 0): a compiled dictionary needs a frequency for every word")
            }
            entries.append((entry.word, frequency))
        }
        let model = try parseModel(hmmBytes)
        let digest = DictionaryImage.digest(ofSources: [wordBytes, hmmBytes])
        let image = DictionaryImage.compile(words: entries, model: model, sourceDigest: digest)
        _ = try DictionaryImage(bytes: image)   // verify it loads
        guard FileManager.default.createFile(atPath: output, contents: Data(image)) else {
            throw CLIError("\(output): cannot write")
        }
        print("compiled \(entries.count) words into \(output) (\(image.count) bytes)")
    }

    private func readFile(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read") }
        return [UInt8](data)
    }

    /// jieba's HMM JSON: `{"prob_start": {B,E,M,S}, "prob_trans": {from: {to}}, "prob_emit": {label: {char: logp}}}`.
    private func parseModel(_ bytes: [UInt8]) throws -> HMMParameters {
        struct JiebaModel: Decodable {
            var prob_start: [String: Double]
            var prob_trans: [String: [String: Double]]
            var prob_emit: [String: [String: Double]]
        }
        let labels = ["B", "E", "M", "S"]
        let model: JiebaModel
        do {
            model = try JSONDecoder().decode(JiebaModel.self, from: Data(bytes))
        } catch {
            throw CLIError("\(hmm): not a jieba HMM model: \(error)")
        }
        let logZero = -Double.infinity
        return HMMParameters(
            start: labels.map { model.prob_start[$0] ?? logZero },
            transition: labels.map { from in labels.map { to in model.prob_trans[from]?[to] ?? logZero } },
            emission: labels.map { label in
                var table: [Unicode.Scalar: Double] = [:]
                for (character, value) in model.prob_emit[label] ?? [:] {
                    if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 { table[scalar] = value }
                }
                return table
            })
    }
}
