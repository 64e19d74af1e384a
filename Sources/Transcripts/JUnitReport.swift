import Foundation

/// A replay as JUnit XML (`kefu replay --junit FILE`), for CI test reports: one `testsuite`
/// named `kefu replay`, one `testcase` per transcript (`name` the transcript's name, `classname`
/// and `file` its file), a `failure` with the diff for a transcript that failed and an `error`
/// with the problems for a file that is not a valid transcript.
///
/// ```xml
/// <testsuites name="kefu replay" tests="2" failures="1" errors="0" time="0.041">
///   <testsuite name="kefu replay" tests="2" failures="1" errors="0" skipped="0" time="0.041" timestamp="…">
///     <testcase name="退货-提供订单号" classname="transcripts/returns.yml" file="transcripts/returns.yml" time="0.012">
///       <failure message="1 of 2 turns failed: reply_contains" type="TranscriptMismatch">FAIL 退货-提供订单号 …</failure>
///     </testcase>
/// ```
public struct JUnitReport: Sendable {
    public var results: [TranscriptResult]
    /// Files that could not be replayed, each with its problems.
    public var invalid: [TranscriptError]
    /// Wall-clock seconds of the whole replay.
    public var seconds: Double
    /// When the replay ran.
    public var timestamp: Date

    public init(results: [TranscriptResult], invalid: [TranscriptError] = [], seconds: Double, timestamp: Date = Date()) {
        self.results = results
        self.invalid = invalid
        self.seconds = seconds
        self.timestamp = timestamp
    }

    /// The XML document, UTF-8.
    public var xml: String {
        let failures = results.filter { !$0.passed }.count
        let tests = results.count + invalid.count
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(invalid.count)\""
        let time = Self.seconds(seconds)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"kefu replay\" \(counts) time=\"\(time)\">\n"
        let stamp = ISO8601DateFormatter().string(from: timestamp)
        xml += "  <testsuite name=\"kefu replay\" \(counts) skipped=\"0\" time=\"\(time)\" timestamp=\"\(stamp)\">\n"
        for result in results {
            let file = result.transcript.file ?? ""
            xml += "    <testcase name=\"\(Self.attribute(result.transcript.name))\" classname=\"\(Self.attribute(file))\""
                + " file=\"\(Self.attribute(file))\" time=\"\(Self.seconds(result.seconds))\""
            if result.passed {
                xml += "/>\n"
                continue
            }
            let failed = result.failedTurns
            let checks = Set(failed.flatMap { $0.failures.map(\.check) }).sorted().joined(separator: ", ")
            let message = "\(failed.count) of \(result.turns.count) turns failed: \(checks)"
            xml += ">\n      <failure message=\"\(Self.attribute(message))\" type=\"TranscriptMismatch\">"
                + XMLText.escaped(result.diff) + "</failure>\n    </testcase>\n"
        }
        for error in invalid {
            let file = error.issues.first?.file ?? ""
            xml += "    <testcase name=\"\(Self.attribute(file))\" classname=\"\(Self.attribute(file))\" file=\"\(Self.attribute(file))\" time=\"0\">\n"
            xml += "      <error message=\"not a valid transcript\" type=\"TranscriptError\">" + XMLText.escaped(error.description + "\n")
                + "</error>\n    </testcase>\n"
        }
        return xml + "  </testsuite>\n</testsuites>\n"
    }

    private static func attribute(_ text: String) -> String {
        XMLText.escaped(text, inAttribute: true)
    }

    private static func seconds(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
