#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The inverted index: for every term, the questions that contain it and the term's finished
/// BM25 weight in each, as three flat arrays (compressed sparse rows).
///
/// Term `t`'s postings are `starts[t]..<starts[t + 1]` of `questions` (ascending) and `weights`.
/// A weight is the whole BM25 contribution of one occurrence of the term in a query, field weight
/// and IDF included, so answering a query is only additions.
struct PostingLists: Sendable {
    let starts: [Int32]
    let questions: [Int32]
    let weights: [Float]

    var termCount: Int { starts.count - 1 }
    var postingCount: Int { questions.count }
}

extension PostingLists {
    /// The postings of indexed questions whose terms are known.
    ///
    /// - Parameters:
    ///   - occurrences: every (term, question, term frequency) once, for every field.
    ///   - termFields: the field of each term (0 words, 1 characters).
    ///   - lengths: per field, each question's length in terms.
    /// - Complexity: O(terms + postings).
    init(occurrences: TermOccurrences, termFields: [UInt8], lengths: [[Int32]], parameters: BM25Parameters) {
        let termCount = termFields.count
        let questionCount = lengths[0].count
        var documentFrequency = [Int32](repeating: 0, count: termCount)
        for term in occurrences.terms { documentFrequency[Int(term)] += 1 }
        var starts = [Int32](repeating: 0, count: termCount + 1)
        for term in 0..<termCount { starts[term + 1] = starts[term] + documentFrequency[term] }

        let averageLengths = lengths.map { field -> Float in
            let total = field.reduce(0) { $0 + Int($1) }
            return total == 0 ? 1 : Float(total) / Float(max(1, field.count))
        }
        let fieldWeights = [parameters.wordWeight, parameters.characterWeight]
        let idf = (0..<termCount).map { term -> Float in
            let n = Float(documentFrequency[term])
            return Self.inverseDocumentFrequency(questions: Float(questionCount), containing: n)
        }

        var next = starts
        var questions = [Int32](repeating: 0, count: occurrences.count)
        var weights = [Float](repeating: 0, count: occurrences.count)
        for index in 0..<occurrences.count {
            let term = Int(occurrences.terms[index]), question = occurrences.questions[index]
            let field = Int(termFields[term])
            let length = Float(lengths[field][Int(question)])
            let slot = Int(next[term])
            next[term] += 1
            questions[slot] = question
            weights[slot] = fieldWeights[field] * idf[term]
                * Self.saturatedFrequency(occurrences.frequencies[index], length: length,
                                          averageLength: averageLengths[field], parameters: parameters)
        }
        self.starts = starts
        self.questions = questions
        self.weights = weights
    }

    /// Lucene's BM25 IDF, `ln(1 + (N − n + 0.5) / (n + 0.5))`: never negative, so a term in most
    /// questions (的, 吗) adds a little instead of taking away.
    static func inverseDocumentFrequency(questions: Float, containing: Float) -> Float {
        logf(1 + (questions - containing + 0.5) / (containing + 0.5))
    }

    /// Okapi's term-frequency part, `tf × (k1 + 1) / (tf + k1 × (1 − b + b × length / average))`.
    static func saturatedFrequency(_ frequency: Float, length: Float, averageLength: Float,
                                   parameters: BM25Parameters) -> Float {
        let k1 = parameters.k1, b = parameters.b
        return frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * length / averageLength))
    }
}

/// The (term, question, frequency) triples collected while indexing, as parallel arrays.
struct TermOccurrences {
    var terms: [Int32] = []
    var questions: [Int32] = []
    var frequencies: [Float] = []

    var count: Int { terms.count }

    mutating func append(term: Int32, question: Int32, frequency: Int) {
        terms.append(term)
        questions.append(question)
        frequencies.append(Float(frequency))
    }
}
