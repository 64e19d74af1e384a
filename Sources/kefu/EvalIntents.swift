import ArgumentParser
import BotDefinition
import ChatEngine
import ChatCore
import Foundation
import IntentMatching
import Segmentation

/// `kefu eval intents`: train on one labelled file, score another, report the measures.
struct EvalIntents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intents",
        abstract: "Train the intent classifier on one labelled file and measure it on another.",
        discussion: """
            FILE: `text<TAB>label` lines, UTF-8 (a first line whose last column is `label` is a \
            header), or a bot folder, whose intents' examples are the labelled lines and whose \
            dictionary joins the segmenter when it is the training side. Prints accuracy, macro-F1, per-intent precision/recall/F1 and the most \
            confused pairs. With --oos-label L, lines labelled L mean "none of the intents": \
            they teach the out-of-scope threshold, a rejection counts as L, and the report adds \
            in-scope accuracy and OOS recall.

            --report DIR also writes DIR/report.json (everything), DIR/errors.tsv (every wrong \
            line: text, gold, predicted, confidence) and DIR/confusion.svg (a heat map).

            Example:
              kefu eval intents --train train.tsv --test val.tsv --report out
              kefu eval intents --train train.tsv --test val.tsv --oos-label oos --json
              kefu eval intents --train . --test transcripts-lines.tsv
            """
    )

    @Option(name: .customLong("train"), help: ArgumentHelp("The training examples: a `text<TAB>label` file or a bot folder.", valueName: "file"))
    var trainPath: String

    @Option(name: .customLong("test"), help: ArgumentHelp("The test examples: a `text<TAB>label` file or a bot folder.", valueName: "file"))
    var testPath: String

    @Option(name: .customLong("oos-label"), help: ArgumentHelp("The label of out-of-scope lines (e.g. oos).", valueName: "label"))
    var outOfScopeLabel: String?

    @Flag(help: "Print one JSON object instead of the readable report.")
    var json = false

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write report.json, errors.tsv and confusion.svg into this folder.", valueName: "dir"))
    var reportDirectory: String?

    @Option(help: "Seed for training: the same files and seed give the same model.")
    var seed: UInt64 = 1

    func run() throws {
        let (training, dictionary) = try Self.readExamples(trainPath)
        let (test, _) = try Self.readExamples(testPath)
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter.shipped(userWords: dictionary)
        } catch {
            throw CLIError("\(error)")
        }

        let clock = ContinuousClock()
        var bar = TrainingProgressBar()
        let trainingStart = clock.now
        let model: IntentModel
        do {
            model = try IntentModel.train(on: training, segmenter: segmenter,
                                          options: IntentTrainingOptions(seed: seed, outOfScopeLabel: outOfScopeLabel),
                                          progress: { bar.show($0) })
        } catch {
            bar.finish()
            throw CLIError("cannot train on \(trainPath): \(error)")
        }
        bar.finish()
        let trainSeconds = Self.seconds(clock.now - trainingStart)

        var predictions: [IntentPrediction] = []
        predictions.reserveCapacity(test.count)
        let predictionStart = clock.now
        for example in test { predictions.append(model.predict(example.text)) }
        let predictSeconds = Self.seconds(clock.now - predictionStart)

        let outcomes = zip(test, predictions).map { example, prediction in
            IntentOutcome(text: example.text, gold: example.label, predicted: prediction.intent?.name,
                          confidence: prediction.intent?.confidence ?? prediction.ranking.first?.confidence)
        }
        let report = IntentEvaluationReport(
            evaluation: IntentEvaluation(outcomes: outcomes, outOfScopeLabel: outOfScopeLabel),
            trainFile: trainPath, testFile: testPath, trainCount: training.count, intents: model.intents, seed: seed,
            trainSeconds: trainSeconds, predictMicrosecondsPerQuery: predictSeconds * 1e6 / Double(test.count),
            modelHash: model.modelHash)
        if let reportDirectory { try Self.write(report, to: reportDirectory) }
        print(json ? report.summaryJSON.text : report.text(), terminator: json ? "\n" : "")
    }

    /// The examples in a `text<TAB>label` file or a bot folder, with the bot's dictionary (empty
    /// for a file), or a one-line error that says what to fix.
    static func readExamples(_ path: String) throws -> (examples: [LabeledText], dictionary: WordList) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("\(path): no such file or bot folder")
        }
        if isDirectory.boolValue {
            let bot = try BotTraining.load(path)
            return (bot.trainingExamples, bot.dictionary)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("\(path): cannot read the file (check its permissions)")
        }
        do {
            return (try LabeledTextFile.parse([UInt8](data), source: path), WordList())
        } catch {
            throw CLIError(error.description)
        }
    }

    /// Writes report.json, errors.tsv and confusion.svg into `directory`, creating it if needed.
    static func write(_ report: IntentEvaluationReport, to directory: String) throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let files = [
            ("report.json", report.fullJSON.text + "\n"),
            ("errors.tsv", report.errorsTSV),
            ("confusion.svg", ConfusionHeatMap(matrix: report.evaluation.confusion,
                                               title: "Confusion matrix: \(report.testFile)").svg),
        ]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            }
        } catch {
            throw CLIError("cannot write the report into \(directory): \(error.localizedDescription)")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
