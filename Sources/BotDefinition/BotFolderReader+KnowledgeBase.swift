import Foundation
import Segmentation
import Yams

extension BotFolderReader {
    static let entryKeys = ["id", "questions", "answer", "tags"]

    /// Reads `knowledge-base/*.yml`: each file a list of entries.
    mutating func readKnowledgeBase() {
        let ignored: Set<String> = ["tables", "dictionary.txt"]
        guard let paths = listFiles(in: "knowledge-base", extensions: ["yml", "yaml"], ignoring: ignored) else { return }
        for path in paths {
            guard let (file, root) = readYAML(path, emptyHint: "write a list of entries (- id: …, questions: […], answer: …)") else { continue }
            guard case .sequence = root else {
                log.error(file.location(root), "a knowledge-base file should be a list of entries (- id: …), found \(YAMLFile.describe(root))")
                continue
            }
            for item in file.list(root, "a knowledge-base file", log: &log) ?? [] {
                readEntry(item, in: file)
            }
        }
    }

    private mutating func readEntry(_ node: Node, in file: YAMLFile) {
        guard let fields = file.fields(node, "a knowledge-base entry", allowed: Self.entryKeys, log: &log) else { return }
        let location = file.location(node)
        guard let idNode = fields["id"] else {
            log.error(location, "a knowledge-base entry needs `id:`; give it a unique id such as shipping-fee")
            return
        }
        guard let id = file.text(idNode, "the id of a knowledge-base entry", log: &log) else { return }
        let what = "knowledge-base entry '\(id)'"
        if let first = entryLocations[id] {
            log.error(file.location(idNode), "duplicate knowledge-base id '\(id)', first used at \(first); ids are unique across knowledge-base files")
        } else {
            entryLocations[id] = file.location(idNode)
        }
        var questions: [String] = []
        if let questionsNode = fields["questions"] {
            let written = file.texts(questionsNode, "the questions of \(what)", log: &log) ?? []
            questions = written.map(\.text)
            questionLocations += written.map { (id, $0.text, file.location($0.node)) }
            if questions.isEmpty, case .sequence = questionsNode {
                log.error(file.location(questionsNode), "\(what) has no questions; list the ways customers ask it")
            }
        } else {
            log.error(location, "\(what) has no `questions:`; list the ways customers ask it: questions: [运费怎么算, 包邮吗]")
        }
        var answer: String?
        if let answerNode = fields["answer"] {
            answer = file.text(answerNode, "the answer of \(what)", log: &log)
        } else {
            log.error(location, "\(what) has no `answer:`; write the reply to give")
        }
        let tags = fields["tags"].flatMap { file.texts($0, "the tags of \(what)", log: &log)?.map(\.text) } ?? []
        guard let answer, !questions.isEmpty else { return }
        bot.knowledgeBase.append(KnowledgeEntry(id: id, questions: questions, answer: answer, tags: tags, location: file.location(idNode)))
    }

    /// Reads `knowledge-base/tables/*.csv`.
    mutating func readTables() {
        guard let paths = listFiles(in: "knowledge-base/tables", extensions: ["csv"]) else { return }
        for path in paths {
            guard let text = readText(path) else { continue }
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let records: [CSVReader.Record]
            do {
                records = try CSVReader.records(in: Array(text.utf8))
            } catch {
                log.error(SourceLocation(file: path, line: error.line), "CSV: \(error.problem)")
                brokenTables.insert(name)
                continue
            }
            guard let header = records.first else {
                brokenTables.insert(name)
                log.error(SourceLocation(file: path), "the table is empty; the first line names the columns, and the first column is the key")
                continue
            }
            var columns: Set<String> = []
            for (index, column) in header.fields.enumerated() {
                if column.trimmingWhitespace().isEmpty {
                    log.error(SourceLocation(file: path, line: header.line), "column \(index + 1) of the header has no name; name every column")
                } else if !columns.insert(column).inserted {
                    log.error(SourceLocation(file: path, line: header.line), "column '\(column)' appears twice in the header; column names must be unique")
                }
            }
            var rows: [[String]] = []
            var keyLines: [String: Int] = [:]
            for record in records.dropFirst() {
                guard record.fields.count == header.fields.count else {
                    log.error(SourceLocation(file: path, line: record.line),
                              "row has \(record.fields.count) fields but the header has \(header.fields.count) (\(header.fields.joined(separator: ", "))); quote fields that contain commas")
                    continue
                }
                let key = record.fields[0]
                if let first = keyLines[DataTable.matchingKey(key)] {
                    log.error(SourceLocation(file: path, line: record.line),
                              "key '\(key)' is already used on line \(first) (keys are compared without case, width and surrounding spaces); the first column is the key and must be unique")
                    continue
                }
                keyLines[DataTable.matchingKey(key)] = record.line
                rows.append(record.fields)
            }
            bot.tables[name] = DataTable(name: name, columns: header.fields, rows: rows, file: path)
        }
    }

    /// Reads `knowledge-base/dictionary.txt`, reporting every bad line (not only the first).
    mutating func readDictionary() {
        let path = "knowledge-base/dictionary.txt"
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path),
              let text = readText(path) else { return }
        var entries: [WordList.Entry] = []
        // Bytes, not Characters: "\r\n" is one Character and would hide the line break.
        for (index, line) in Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            do {
                for var entry in try WordList(parsing: Array(line), source: path).entries {
                    entry.line = index + 1
                    entries.append(entry)
                }
            } catch {
                log.error(SourceLocation(file: path, line: index + 1), "\(error.problem)")
            }
        }
        bot.dictionary = WordList(entries: entries)
    }
}
