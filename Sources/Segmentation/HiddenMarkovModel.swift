/// The BMES character HMM that cuts runs of characters the dictionary does not know into words:
/// each character is the Begin, Middle or End of a word, or a Single-character word, and Viterbi
/// finds the likeliest labelling.
///
/// 「韦小宝说」 with no dictionary help comes out as B E … by the model's emission and transition
/// log-probabilities (jieba's model, trained on the People's Daily corpus).
struct HiddenMarkovModel: @unchecked Sendable {
    /// The four labels, in the order the tables use (B E M S, alphabetical: ties go to the later one).
    enum Label: Int { case begin = 0, end = 1, middle = 2, single = 3 }

    /// Log-probabilities of starting in each label.
    let start: UnsafeBufferPointer<Float>
    /// `transition[4 * from + to]`; impossible transitions hold `impossible`.
    let transition: UnsafeBufferPointer<Float>
    /// `emission[4 * code + label]`: log-probability of the character with that code under the label.
    let emission: UnsafeBufferPointer<Float>

    /// Stands for log 0: large enough to lose every comparison, small enough that sums stay finite.
    static let impossible: Float = -1e30

    /// Labels where each label may come from.
    private static let predecessors: [(Int, Int)] = [(1, 3), (0, 2), (0, 2), (3, 1)]   // B←E,S  E←B,M  M←B,M  S←S,E

    /// Cuts `codes` into words and reports each as a half-open range of indices, in order.
    ///
    /// - Parameter scratch: reusable storage for the back-pointers (4 per character).
    /// - Complexity: O(n) time, O(n) scratch.
    func cut(_ codes: UnsafeBufferPointer<UInt32>, scratch: inout [UInt8], emit: (Range<Int>) -> Void) {
        let count = codes.count
        guard count > 0 else { return }
        if scratch.count < count * 4 { scratch = [UInt8](repeating: 0, count: count * 4 + 64) }
        var score = (0..<4).map { Double(start[$0]) + Double(emission[Int(codes[0]) * 4 + $0]) }
        var next = [Double](repeating: 0, count: 4)
        scratch.withUnsafeMutableBufferPointer { back in
            for position in 1..<count {
                let row = Int(codes[position]) * 4
                for label in 0..<4 {
                    let (first, second) = Self.predecessors[label]
                    let viaFirst = score[first] + Double(transition[first * 4 + label])
                    let viaSecond = score[second] + Double(transition[second * 4 + label])
                    // Ties go to the later label letter, as jieba's max over (score, label) does.
                    let pickFirst = viaFirst > viaSecond || (viaFirst == viaSecond && first > second)
                    next[label] = (pickFirst ? viaFirst : viaSecond) + Double(emission[row + label])
                    back[position * 4 + label] = UInt8(pickFirst ? first : second)
                }
                swap(&score, &next)
            }
            // The last character must end a word; a tie goes to S, as in jieba.
            var label = score[Label.end.rawValue] > score[Label.single.rawValue] ? Label.end.rawValue : Label.single.rawValue
            var labels = [UInt8](repeating: 0, count: count)
            for position in stride(from: count - 1, through: 0, by: -1) {
                labels[position] = UInt8(label)
                if position > 0 { label = Int(back[position * 4 + label]) }
            }
            var wordStart = 0
            for position in 0..<count {
                switch Label(rawValue: Int(labels[position])) {
                case .begin: wordStart = position
                case .end:
                    emit(wordStart..<(position + 1))
                    wordStart = position + 1
                case .single:
                    emit(position..<(position + 1))
                    wordStart = position + 1
                case .middle, .none: break
                }
            }
            if wordStart < count { emit(wordStart..<count) }
        }
    }
}
