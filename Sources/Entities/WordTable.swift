/// A small table of words, each with a value, matched longest first at a position of a line.
///
/// The unit table for money holds 块钱, 块, 元, 美元 …; at 「350块钱」 position 3 it finds 块钱.
struct WordTable<Value: Sendable>: Sendable {
    private let entries: [(word: [UInt32], value: Value)]

    init(_ pairs: [(String, Value)]) {
        entries = pairs.map { (ScalarFold.fold($0.0), $0.1) }.sorted { $0.word.count > $1.word.count }
    }

    init(_ pairs: KeyValuePairs<String, Value>) {
        self.init(pairs.map { ($0.key, $0.value) })
    }

    /// The longest word at `index`, its value and the index after it.
    func match(in line: LineText, at index: Int) -> (value: Value, end: Int)? {
        for entry in entries where line.has(entry.word, at: index) {
            return (entry.value, index + entry.word.count)
        }
        return nil
    }
}

extension WordTable where Value == Void {
    /// A table of words without values.
    init(words: [String]) {
        self.init(words.map { ($0, ()) })
    }
}
