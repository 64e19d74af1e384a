import ChatCore

/// Finds the built-in entities of one line (DESIGN §6): at each token start it tries every
/// extractor and keeps the matches that end at a token end.
///
/// For 「明天下午三点前退350元」 it proposes `date` 明天, `date` 明天下午, `time` 明天下午三点,
/// `number` 350 and `money` 350元; overlap resolution keeps the time and the money.
struct BuiltInScanner {
    let line: LineText
    let reference: ReferenceTime
    private(set) var candidates: [EntityCandidate] = []

    init(line: LineText, reference: ReferenceTime) {
        self.line = line
        self.reference = reference
    }

    /// Every aligned built-in candidate of the line.
    /// - Complexity: O(tokens × longest match); each extractor looks a few scalars ahead.
    mutating func scan() -> [EntityCandidate] {
        for (index, token) in line.tokens.enumerated() {
            scanContact(tokenIndex: index)
            let start = token.scalarRange.lowerBound
            guard start < line.count else { continue }
            scanNumber(at: start)
            scanMoney(at: start)
            scanDate(at: start)
            scanTime(at: start)
            scanDuration(at: start)
        }
        return candidates
    }

    /// Proposes `entity` over `range` when the range lines up with tokens.
    mutating func propose(_ entity: BuiltInEntity, _ value: EntityValue, _ range: Range<Int>) {
        guard line.isAligned(range) else { return }
        let found = Entity(name: entity.rawValue, value: value, text: line.text(range), scalarRange: range, source: .builtIn)
        candidates.append(EntityCandidate(entity: found, order: BuiltInEntity.allCases.firstIndex(of: entity) ?? 0))
    }
}
