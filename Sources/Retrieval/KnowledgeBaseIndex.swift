import Segmentation

/// The knowledge base made searchable: every question of every entry, and every distractor
/// question, indexed for BM25 over words and character unigrams and bigrams.
///
/// ```swift
/// let index = try KnowledgeBaseIndex(entries: [
///     KnowledgeBaseEntry(id: "shipping-time", questions: ["什么时候发货", "多久能发货"]),
///     KnowledgeBaseEntry(id: "shipping-fee", questions: ["运费怎么算", "包邮吗"]),
/// ], segmenter: try Segmenter.shipped())
/// index.topK("发货要多久", k: 5).first?.entryIndex   // 0: shipping-time
/// ```
///
/// Questions are numbered in one sequence: entry 0's questions, entry 1's, …, then the
/// distractors. Distractors (questions the knowledge base does not answer) take part in the
/// ranking like entries but are never an answer. An immutable `Sendable` value: share it between
/// threads; each caller brings a `RetrievalWorkspace`.
public struct KnowledgeBaseIndex: Sendable {
    public let entries: [KnowledgeBaseEntry]
    public let distractors: [String]
    public let parameters: BM25Parameters

    let extractor: TermExtractor
    /// Question `q` of entry `e` is `questionStarts[e] + q`; distractors follow the last entry.
    let questionStarts: [Int32]
    /// The ranked item of each question: its entry's index, or `entries.count + d` for distractor `d`.
    let questionOwners: [Int32]
    let terms: TermTable
    let postings: PostingLists

    /// Indexes `entries` and `distractors`.
    /// - Throws: `KnowledgeBaseIndexError` for a repeated id or an entry without questions.
    /// - Complexity: O(total text length), plus segmentation.
    public init(entries: [KnowledgeBaseEntry], distractors: [String] = [], segmenter: Segmenter,
                parameters: BM25Parameters = BM25Parameters()) throws(KnowledgeBaseIndexError) {
        var seen = Set<String>()
        var starts: [Int32] = [0]
        var owners: [Int32] = []
        for (index, entry) in entries.enumerated() {
            guard seen.insert(entry.id).inserted else { throw .duplicateID(entry.id) }
            guard !entry.questions.isEmpty else { throw .noQuestions(id: entry.id) }
            starts.append(starts[index] + Int32(entry.questions.count))
            owners.append(contentsOf: repeatElement(Int32(index), count: entry.questions.count))
        }
        for index in distractors.indices { owners.append(Int32(entries.count + index)) }
        self.entries = entries
        self.distractors = distractors
        self.parameters = parameters
        self.extractor = TermExtractor(segmenter: segmenter)
        self.questionStarts = starts
        self.questionOwners = owners
        (terms, postings) = Self.build(entries.lazy.flatMap(\.questions) + distractors.lazy.map { $0 },
                                       extractor: extractor, parameters: parameters)
    }

    /// The number of indexed questions, distractors included.
    public var questionCount: Int { questionOwners.count }

    /// The text of question `index` (as numbered in `Candidate.question`).
    public func question(at index: Int) -> String {
        let distractorStart = Int(questionStarts[entries.count])
        if index >= distractorStart { return distractors[index - distractorStart] }
        let entry = Int(questionOwners[index])
        return entries[entry].questions[index - Int(questionStarts[entry])]
    }

    /// The question numbers of entry `entry`'s questions.
    public func questionRange(ofEntry entry: Int) -> Range<Int> {
        Int(questionStarts[entry])..<Int(questionStarts[entry + 1])
    }

    /// How big the index is: terms and postings (for reports).
    public var termCount: Int { postings.termCount }
    public var postingCount: Int { postings.postingCount }

    /// Cuts every question, gives every distinct term an id, and lays out the postings.
    private static func build(_ questions: some Sequence<String>, extractor: TermExtractor,
                              parameters: BM25Parameters) -> (TermTable, PostingLists) {
        var workspace = TermWorkspace()
        var ids: [UInt64: Int32] = [:]
        var keys: [UInt64] = []
        var fields: [UInt8] = []
        var lengths: [[Int32]] = [[], []]
        var occurrences = TermOccurrences()
        for (question, text) in questions.enumerated() {
            extractor.extract(text, in: &workspace)
            for (field, fieldKeys) in [workspace.wordKeys, workspace.characterKeys].enumerated() {
                lengths[field].append(Int32(fieldKeys.count))
                let sorted = fieldKeys.sorted()
                var start = 0
                while start < sorted.count {
                    var end = start + 1
                    while end < sorted.count, sorted[end] == sorted[start] { end += 1 }
                    let key = sorted[start]
                    let id: Int32
                    if let known = ids[key] {
                        id = known
                    } else {
                        id = Int32(keys.count)
                        ids[key] = id
                        keys.append(key)
                        fields.append(UInt8(field))
                    }
                    occurrences.append(term: id, question: Int32(question), frequency: end - start)
                    start = end
                }
            }
        }
        return (TermTable(keys: keys),
                PostingLists(occurrences: occurrences, termFields: fields, lengths: lengths, parameters: parameters))
    }
}
