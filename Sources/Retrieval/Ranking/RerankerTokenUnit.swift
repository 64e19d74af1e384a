/// What a re-ranker's encoder steps over.
public enum RerankerTokenUnit: Int, Sendable, Equatable {
    /// The segmenter's words: 「怎么还没发货」 → 怎么 还 没 发货.
    case words = 0
    /// Each Chinese character with the next one of its run (other tokens whole):
    /// 「怎么还没发货」 → 怎么 么还 还没 没发 发货 货.
    case characters = 1
}
