import Hummingbird

/// The agents' shared secret and the check of a presented one, in time that does not depend on
/// where the two first differ (so the token cannot be guessed byte by byte from timings).
struct AgentToken: Sendable {
    private let secret: [UInt8]

    init(_ secret: String) { self.secret = Array(secret.utf8) }

    /// Whether `presented` is the token.
    func matches(_ presented: some Collection<UInt8>) -> Bool {
        var difference: UInt8 = presented.count == secret.count ? 0 : 1
        var index = presented.startIndex
        for position in 0..<max(secret.count, presented.count) {
            let mine = position < secret.count ? secret[position] : 0
            let theirs: UInt8
            if index < presented.endIndex {
                theirs = presented[index]
                index = presented.index(after: index)
            } else {
                theirs = 0xFF
            }
            difference |= mine ^ theirs
        }
        return difference == 0
    }

    /// Whether the request carries `Authorization: Bearer <token>`.
    func authorizes(_ request: Request) -> Bool {
        guard let header = request.headers[.authorization] else { return false }
        let prefix = "Bearer "
        guard header.hasPrefix(prefix) else { return false }
        return matches(header.utf8.dropFirst(prefix.utf8.count))
    }
}
