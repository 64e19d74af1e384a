/// A gold label the model mistook for another, and how often (`refund → return_request`, 7).
public struct ConfusedPair: Hashable, Sendable {
    public var gold: String
    public var predicted: String
    public var count: Int

    public init(gold: String, predicted: String, count: Int) {
        self.gold = gold
        self.predicted = predicted
        self.count = count
    }
}
