import ChatCore

/// An entity some extractor found, before overlaps are resolved.
struct EntityCandidate {
    var entity: Entity
    /// Among candidates of the same length, source and start, the lower wins: the order extractors
    /// and declarations come in.
    var order: Int

    /// Keeps non-overlapping candidates: the longest first; at equal length a bot's own entity
    /// (pattern or lookup) before a built-in; then the earlier start; then `order`. Returns them in
    /// line order.
    ///
    /// In 「订单20241105123456」 the bot's `order_id` and the built-in `number` cover the same 14
    /// digits: `order_id` is kept. In 「退350元」 `money` (350元) is longer than `number` (350).
    /// - Complexity: O(n log n + length of the line).
    static func resolve(_ candidates: [EntityCandidate], lineLength: Int) -> [Entity] {
        let ranked = candidates.sorted { a, b in
            let lengthA = a.entity.scalarRange.count, lengthB = b.entity.scalarRange.count
            if lengthA != lengthB { return lengthA > lengthB }
            let botA = a.entity.source != .builtIn, botB = b.entity.source != .builtIn
            if botA != botB { return botA }
            if a.entity.scalarRange.lowerBound != b.entity.scalarRange.lowerBound {
                return a.entity.scalarRange.lowerBound < b.entity.scalarRange.lowerBound
            }
            return a.order < b.order
        }
        var taken = [Bool](repeating: false, count: lineLength)
        var kept: [Entity] = []
        for candidate in ranked {
            let range = candidate.entity.scalarRange
            guard !range.isEmpty, range.upperBound <= lineLength, !range.contains(where: { taken[$0] }) else { continue }
            for index in range { taken[index] = true }
            kept.append(candidate.entity)
        }
        return kept.sorted { $0.scalarRange.lowerBound < $1.scalarRange.lowerBound }
    }
}
