/// Why a re-ranker cannot be trained.
public enum RerankerTrainingError: Error, Equatable, CustomStringConvertible {
    /// Nothing to learn paraphrases from.
    case nothingToLearn

    public var description: String {
        switch self {
        case .nothingToLearn:
            "nothing to train the re-ranker on: give some knowledge-base entries two or more questions, or pass question pairs labelled 1"
        }
    }
}
