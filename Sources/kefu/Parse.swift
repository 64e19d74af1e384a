import ArgumentParser
import BotDefinition
import ChatCore
import ChatEngine
import Entities
import Foundation

/// `kefu parse`: what the bot understands of each line — tokens, intent, ranking and entities —
/// as one JSON object per line.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the tokens, intent and entities the bot finds in each line, as JSON.",
        discussion: """
            Loads the bot folder (its cached model from .kefu/, or trains and caches it), then reads lines on standard input and \
            writes one JSON object per line:

              {"text":…,"tokens":[…],"intent":{"name":…,"confidence":…} or null,
               "ranking":[{"name":…,"confidence":…}…],"entities":[{"entity","value","start","end","text"}…]}

            "intent" is null when the line is none of the bot's intents; "reason" then says why. \
            "ranking" holds the best \(Parse.rankingSize) intents. Entity offsets count Unicode \
            scalars of the line. Invalid UTF-8 is replaced by U+FFFD with a warning on standard \
            error naming the line.

            Example:
              echo '明天能到吗 订单20241105123456' | kefu parse --bot demo --now 2026-11-23T10:00:00+08:00
            """
    )

    /// How many intents the ranking shows.
    static let rankingSize = 5

    @Option(name: .customLong("bot"), help: ArgumentHelp("The bot folder (holding intents/ and knowledge-base/).", valueName: "dir"))
    var bot = "."

    @Option(name: .customLong("now"), help: ArgumentHelp(
        "The time relative dates are resolved against, ISO 8601 (2026-11-23T10:00:00+08:00, 2026-11-23T10:00, 2026-11-23). Default: the clock, in the machine's zone.",
        valueName: "time"))
    var now: String?

    func run() throws {
        let engine = try BotTraining.engine(ofBotAt: bot)
        let reference = try referenceTime(in: engine)
        let understanding = engine.understanding, mask = engine.privacyMask
        var output = OutputBuffer(descriptor: STDOUT_FILENO)
        do {
            try LineReader(descriptor: STDIN_FILENO).forEachLine({ bytes, number in
                let text = String(decoding: bytes, as: UTF8.self)
                if !text.utf8.elementsEqual(bytes) {
                    output.flush()
                    printError("kefu parse: line \(number): invalid UTF-8 replaced with U+FFFD")
                }
                // The intent is read from the masked line, as the engine reads it (see `understand(_:classifying:at:)`).
                output.append(Self.json(understanding.understand(text, classifying: mask.mask(text), at: reference)).text)
                output.append(UInt8(ascii: "\n"))
                output.flushIfFull()
            }, chunkDone: { output.flush() })
        } catch {
            output.flush()
            throw CLIError("cannot read standard input: \(error.message)")
        }
        output.flush()
    }

    private func referenceTime(in engine: ChatEngine) throws -> ReferenceTime {
        guard let now else { return engine.referenceTime() }
        do {
            return try engine.referenceTime(iso8601: now)
        } catch {
            throw CLIError("--now: \(error)")
        }
    }

    /// The JSON object of the contract for one understood line.
    static func json(_ utterance: Utterance) -> JSONValue {
        let prediction = utterance.prediction
        var members: [JSONValue.Member] = [
            .init("text", .string(utterance.text)),
            .init("tokens", .array(utterance.tokens.map { .string($0.text) })),
            .init("intent", prediction.intent.map(json) ?? .null),
        ]
        if prediction.intent == nil, let reason = prediction.outOfScopeReason {
            members.append(.init("reason", .string(reason)))
        }
        members.append(.init("ranking", .array(prediction.ranking.prefix(rankingSize).map(json))))
        members.append(.init("entities", .array(utterance.entities.map { entity in
            .object([
                "entity": .string(entity.name), "value": entity.value.jsonValue,
                "start": .number(Double(entity.scalarRange.lowerBound)), "end": .number(Double(entity.scalarRange.upperBound)),
                "text": .string(entity.text),
            ])
        })))
        return .object(members)
    }

    private static func json(_ score: IntentScore) -> JSONValue {
        .object(["name": .string(score.name), "confidence": .number((score.confidence * 10_000).rounded() / 10_000)])
    }
}
