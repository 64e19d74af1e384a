/// The parameters of a BMES character HMM as log-probabilities, before compilation into an image.
/// Labels are indexed B = 0, E = 1, M = 2, S = 3; a missing entry means probability 0.
public struct HMMParameters: Sendable, Equatable {
    public var start: [Double]
    /// `transition[from][to]`.
    public var transition: [[Double]]
    /// `emission[label][scalar]`.
    public var emission: [[Unicode.Scalar: Double]]

    public init(start: [Double], transition: [[Double]], emission: [[Unicode.Scalar: Double]]) {
        self.start = start
        self.transition = transition
        self.emission = emission
    }

    /// Values at or below this stand for log 0 (jieba writes -3.14e100).
    static let logZeroThreshold = -1e29
}
