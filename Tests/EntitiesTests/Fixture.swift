import ChatCore
import Entities
import Foundation
import Segmentation
import Testing

/// The segmenter, a fixed reference time and shorthands shared by the entity tests.
enum Fixture {
    /// Monday 2026-11-23, 10:00 in China.
    static let reference: ReferenceTime = {
        guard let zone = TimeZone(secondsFromGMT: 8 * 3600),
              let time = try? ReferenceTime(year: 2026, month: 11, day: 23, hour: 10, minute: 0, timeZone: zone) else {
            fatalError("the fixed reference time must be valid")
        }
        return time
    }()

    static let segmenter: Segmenter? = try? Segmenter.shipped()

    /// The entities of `line` with the shipped segmenter, at ``reference``.
    static func entities(_ line: String, extractor: EntityExtractor = EntityExtractor.builtInsOnly,
                         at reference: ReferenceTime = reference) throws -> [Entity] {
        let segmenter = try #require(segmenter, "the shipped segmenter must load")
        return extractor.extract(from: line, tokens: segmenter.tokenize(line), at: reference)
    }

    /// The scalar range of `part` in `line`, by search: for writing expectations only.
    static func range(of part: String, in line: String) -> Range<Int>? {
        let scalars = Array(line.unicodeScalars), wanted = Array(part.unicodeScalars)
        guard !wanted.isEmpty, wanted.count <= scalars.count else { return nil }
        for start in 0...(scalars.count - wanted.count) where Array(scalars[start..<start + wanted.count]) == wanted {
            return start..<start + wanted.count
        }
        return nil
    }
}

extension EntityExtractor {
    static let builtInsOnly: EntityExtractor = {
        guard let extractor = try? EntityExtractor() else { fatalError("an extractor without declarations cannot fail") }
        return extractor
    }()
}

/// One expected entity: its name, its value as `kefu parse` writes it, and its text (whose place in
/// the line gives the expected scalar range).
struct Expected: Sendable, CustomStringConvertible {
    var name: String
    var json: String
    var text: String
    var description: String { "\(name) \(text) = \(json)" }
}

/// A line and every entity expected in it, in order.
struct EntityCase: Sendable, CustomTestStringConvertible {
    var line: String
    var expected: [Expected]

    init(_ line: String, _ expected: [(String, String, String)]) {
        self.line = line
        self.expected = expected.map { Expected(name: $0.0, json: $0.1, text: $0.2) }
    }

    /// A line with exactly one entity.
    init(_ line: String, _ name: String, _ json: String, _ text: String) {
        self.init(line, [(name, json, text)])
    }

    var testDescription: String { line }

    /// Checks name, value, text and scalar range of every entity found in the line.
    func check(with extractor: EntityExtractor = .builtInsOnly) throws {
        let found = try Fixture.entities(line, extractor: extractor)
        let summary = found.map { "\($0.name) \($0.text) = \($0.value.jsonText) @\($0.scalarRange)" }
        #expect(found.count == expected.count, "\(line): found \(summary)")
        for (entity, want) in zip(found, expected) {
            #expect(entity.name == want.name, "\(line): \(summary)")
            #expect(entity.value.jsonText == want.json, "\(line): \(summary)")
            #expect(entity.text == want.text, "\(line): \(summary)")
            #expect(entity.scalarRange == Fixture.range(of: want.text, in: line), "\(line): \(summary)")
        }
    }
}
