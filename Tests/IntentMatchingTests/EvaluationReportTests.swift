/// The files `--report DIR` writes, built from a hand-made evaluation: report.json parses and
/// holds the numbers, errors.tsv lists every wrong line, confusion.svg is well-formed XML that
/// names every label.
import ChatCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import IntentMatching
import Testing

@Suite("Evaluation reports")
struct EvaluationReportTests {
    static let outcomes = [
        IntentOutcome(text: "我的快递到哪了", gold: "order_status", predicted: "order_status", confidence: 0.91),
        IntentOutcome(text: "我要退货", gold: "return", predicted: "refund", confidence: 0.55),
        IntentOutcome(text: "退款多久到账", gold: "refund", predicted: "refund", confidence: 0.8),
        IntentOutcome(text: "今天月亮圆不圆", gold: "oos", predicted: nil, confidence: 0.2),
        IntentOutcome(text: "帮我查\"订单\" & <发票>", gold: "invoice", predicted: nil, confidence: 0.31),
    ]

    static func report(outOfScopeLabel: String? = "oos") -> IntentEvaluationReport {
        IntentEvaluationReport(
            evaluation: IntentEvaluation(outcomes: outcomes, outOfScopeLabel: outOfScopeLabel),
            trainFile: "train.tsv", testFile: "test.tsv", trainCount: 40,
            intents: ["invoice", "order_status", "refund", "return"], seed: 7,
            trainSeconds: 1.23456, predictMicrosecondsPerQuery: 21.5, modelHash: "abc123")
    }

    private func object(_ value: JSONValue) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(value.text.utf8)) as? [String: Any])
    }

    @Test("--json summary holds the contract's keys and the right numbers")
    func summary() throws {
        let json = try object(Self.report().summaryJSON)
        #expect(json["accuracy"] as? Double == 0.6)
        #expect(json["in_scope_accuracy"] as? Double == 0.5)
        #expect(json["oos_recall"] as? Double == 1)
        #expect(json["train_seconds"] as? Double == 1.2346)
        #expect(json["predict_us_per_query"] as? Double == 21.5)
        #expect(json["model_hash"] as? String == "abc123")
        #expect(json["test_count"] as? Int == 5 && json["correct_count"] as? Int == 3)
        let macro = try #require(json["macro_f1"] as? Double)
        #expect(abs(macro - Self.report().evaluation.macroF1) < 1e-12)
    }

    @Test("without an out-of-scope label there are no out-of-scope keys")
    func summaryWithoutLabel() throws {
        let json = try object(Self.report(outOfScopeLabel: nil).summaryJSON)
        #expect(json["in_scope_accuracy"] == nil && json["oos_recall"] == nil)
        #expect(json["oos_label"] is NSNull)
        #expect(json["accuracy"] as? Double == 0.4)
    }

    @Test("report.json holds per-intent metrics and the confusion counts")
    func fullReport() throws {
        let json = try object(Self.report().fullJSON)
        let perIntent = try #require(json["per_intent"] as? [[String: Any]])
        #expect(perIntent.map { $0["label"] as? String } == ["invoice", "oos", "order_status", "refund", "return"])
        let refund = try #require(perIntent.first { $0["label"] as? String == "refund" })
        #expect(refund["precision"] as? Double == 0.5 && refund["recall"] as? Double == 1 && refund["support"] as? Int == 1)
        let confusion = try #require(json["confusion"] as? [String: Any])
        let cells = try #require(confusion["cells"] as? [[String: Any]])
        #expect(cells.compactMap { $0["count"] as? Int }.reduce(0, +) == 5)
        #expect(cells.contains { $0["gold"] as? String == "return" && $0["predicted"] as? String == "refund" && $0["count"] as? Int == 1 })
        #expect((json["confused_pairs"] as? [Any])?.count == 2)
        #expect((json["intents"] as? [String])?.count == 4)
    }

    @Test("errors.tsv: a header, then every wrong line with gold, prediction and confidence")
    func errorsTSV() {
        let lines = Self.report().errorsTSV.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines == ["text\tgold\tpredicted\tconfidence",
                          "我要退货\treturn\trefund\t0.5500",
                          "帮我查\"订单\" & <发票>\tinvoice\toos\t0.3100",
                          ""])
        #expect(Self.report(outOfScopeLabel: nil).errorsTSV.contains("今天月亮圆不圆\toos\t(none)\t0.2000\n"))
    }

    @Test("the readable report names the figures and the confused pairs")
    func textReport() {
        let text = Self.report().text()
        #expect(text.contains("accuracy            0.6000  (3 of 5)"))
        #expect(text.contains("in-scope accuracy   0.5000"))
        #expect(text.contains("OOS recall          1.0000"))
        #expect(text.contains("1  return → refund"))
        #expect(text.contains("21.5 µs per query"))
    }

    @Test("confusion.svg is well-formed XML naming every label", arguments: [nil, "oos"] as [String?])
    func heatMap(outOfScopeLabel: String?) throws {
        let report = Self.report(outOfScopeLabel: outOfScopeLabel)
        let svg = ConfusionHeatMap(matrix: report.evaluation.confusion, title: "退货 & 订单").svg
        let texts = try Self.texts(ofSVG: svg)
        for label in report.evaluation.confusion.labels {
            #expect(texts.filter { $0 == label }.count == 2, "\(label) as row and column label")
        }
        #expect(texts.contains("退货 & 订单"))
        #expect(svg.contains("<title>return → refund: 1 of 1 (100.0%)</title>"))
    }

    @Test("with many labels the heat map keeps those with errors and says so")
    func manyLabels() throws {
        var outcomes: [IntentOutcome] = []
        for index in 0..<150 {
            let label = "intent_\(index)"
            outcomes += [IntentOutcome(gold: label, predicted: label), IntentOutcome(gold: label, predicted: label)]
        }
        for index in stride(from: 0, to: 150, by: 2) {   // 75 mistakes: 0→1, 2→3, …
            outcomes.append(IntentOutcome(gold: "intent_\(index)", predicted: "intent_\(index + 1)"))
        }
        let heatMap = ConfusionHeatMap(matrix: IntentEvaluation(outcomes: outcomes).confusion)
        let (shown, note) = heatMap.shownLabels
        #expect(shown.count == 60)
        #expect(note?.contains("of 150 involved in an error") == true)
        let texts = try Self.texts(ofSVG: heatMap.svg)
        #expect(texts.filter { $0.hasPrefix("intent_") }.count == 120)
    }

    /// The text content of every `<text>` element, after checking the document parses.
    static func texts(ofSVG svg: String) throws -> [String] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = TextCollector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "confusion.svg does not parse: \(String(describing: parser.parserError))")
        #expect(collector.root == "svg")
        return collector.texts
    }
}

/// Collects the root element's name and the content of `<text>` elements.
private final class TextCollector: NSObject, XMLParserDelegate {
    var root: String?
    var texts: [String] = []
    private var current: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        if name == "text" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let text = current { texts.append(text) }
        if name == "text" { current = nil }
    }
}
