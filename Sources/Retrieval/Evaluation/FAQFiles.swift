import ChatCore

/// The files of `kefu eval faq` as typed values (DESIGN §5). Each reader takes the file's bytes
/// and the name to use in errors, and throws `TSVFileError` naming the file and line.
public enum FAQFiles {
    /// `faq_id<TAB>question` lines → entries, in the order their ids first appear; lines that share
    /// an id are paraphrases of one entry (「什么时候发货」 and 「多久能发货」 under `shipping-time`).
    public static func entries(_ bytes: [UInt8], source: String) throws(TSVFileError) -> [KnowledgeBaseEntry] {
        let file = try TSVFile(parsing: bytes, source: source)
        var entries: [KnowledgeBaseEntry] = []
        var positions: [String: Int] = [:]
        for (_, columns) in try file.rows(["faq_id", "question"]) {
            if let position = positions[columns[0]] {
                entries[position].questions.append(columns[1])
            } else {
                positions[columns[0]] = entries.count
                entries.append(KnowledgeBaseEntry(id: columns[0], questions: [columns[1]]))
            }
        }
        return entries
    }

    /// `query<TAB>faq_id` lines; every id must be one of `knownIDs` (the FAQ's).
    public static func queries(_ bytes: [UInt8], source: String, knownIDs: Set<String>) throws(TSVFileError) -> [FAQQuery] {
        let file = try TSVFile(parsing: bytes, source: source)
        var queries: [FAQQuery] = []
        for (line, columns) in try file.rows(["query", "faq_id"]) {
            guard knownIDs.contains(columns[1]) else {
                throw file.error(line, "faq_id \(columns[1]) is not in the FAQ file; every query's answer must be an entry")
            }
            queries.append(FAQQuery(text: columns[0], faqID: columns[1], line: line.number))
        }
        return queries
    }

    /// One `question` a line: distractors, indexed but never a right answer.
    public static func questions(_ bytes: [UInt8], source: String) throws(TSVFileError) -> [String] {
        try TSVFile(parsing: bytes, source: source).rows(["question"]).map { $0.columns[0] }
    }

    /// `sentence1<TAB>sentence2<TAB>label` lines, label 1 (same meaning) or 0.
    public static func pairs(_ bytes: [UInt8], source: String) throws(TSVFileError) -> [QuestionPair] {
        let file = try TSVFile(parsing: bytes, source: source)
        var pairs: [QuestionPair] = []
        for (line, columns) in try file.rows(["sentence1", "sentence2", "label"]) {
            guard columns[2] == "0" || columns[2] == "1" else {
                throw file.error(line, "label \(columns[2]) is not 0 or 1; write 1 for the same meaning, 0 otherwise")
            }
            pairs.append(QuestionPair(first: columns[0], second: columns[1], sameMeaning: columns[2] == "1"))
        }
        return pairs
    }
}
